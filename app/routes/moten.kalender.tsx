import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { MeetingFilterForm } from "../components/meeting-filters";
import { meetingWho } from "../components/meeting-table";
import { TableScroll } from "../components/table-scroll";
import { WEEKDAY_LABELS, gridRange, isMonth, monthGrid, monthLabel, shiftMonth } from "../domain/calendar-grid";
import { filterQuery, parseMeetingFilters } from "../domain/meeting-filters";
import { MEETING_FORMAT_LABELS, MEETING_STATUS_LABELS } from "../domain/meeting-vocabulary";
import { listActiveUsers, listMeetings } from "../models/meeting.server";
import { listCounties } from "../models/register.server";
import { requireUser } from "../services/auth.server";
import { todayInSweden } from "../services/priorities.server";

/** The month calendar: weeks from Monday with Swedish week numbers; `?manad=YYYY-MM`. */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const params = new URL(request.url).searchParams;
  const counties = listCounties();
  const planners = listActiveUsers();
  const { filters, notices } = parseMeetingFilters(params, { counties, plannerIds: new Set(planners.map((p) => p.id)) });
  const today = todayInSweden();
  const requested = params.get("manad");
  let month = today.slice(0, 7);
  if (requested) {
    if (isMonth(requested)) month = requested;
    else notices.push(`Månaden "${requested.slice(0, 20)}" ska skrivas ÅÅÅÅ-MM. Den här månaden visas.`);
  }
  const range = gridRange(month);
  const meetings = listMeetings({
    ...range,
    countyCode: filters.county,
    format: filters.format,
    status: filters.status,
    plannerId: filters.planner,
    limit: 5000,
  });
  return {
    month,
    label: monthLabel(month),
    weeks: monthGrid(month, today),
    filters,
    notices,
    counties,
    planners,
    previous: `/moten/kalender${filterQuery(filters, { manad: shiftMonth(month, -1) })}`,
    next: `/moten/kalender${filterQuery(filters, { manad: shiftMonth(month, 1) })}`,
    listLink: `/moten${filterQuery(filters)}`,
    meetings: meetings.map((m) => ({
      id: m.id,
      date: m.date,
      startTime: m.startTime,
      status: m.status,
      title: `${MEETING_FORMAT_LABELS[m.format]}: ${meetingWho(m)}`,
    })),
  };
}

export default function MeetingCalendarPage() {
  const data = useLoaderData<typeof loader>();
  const byDate = new Map<string, typeof data.meetings>();
  for (const m of data.meetings) byDate.set(m.date, [...(byDate.get(m.date) ?? []), m]);
  return (
    <>
      <h1>Möteskalender</h1>
      <p className="page-links no-print">
        <Link to={data.listLink}>Visa som lista</Link>
      </p>
      <MeetingFilterForm filters={data.filters} counties={data.counties} planners={data.planners}>
        <input type="hidden" name="manad" value={data.month} />
      </MeetingFilterForm>
      {data.notices.map((n) => (
        <p key={n} className="form-error" role="alert">
          {n}
        </p>
      ))}
      <nav className="month-nav" aria-label="Byt månad">
        <Link to={data.previous}>← Föregående månad</Link>
        <h2 aria-live="polite">{data.label.charAt(0).toLocaleUpperCase("sv") + data.label.slice(1)}</h2>
        <Link to={data.next}>Nästa månad →</Link>
      </nav>
      <TableScroll label={`Möten i ${data.label}`}>
        <table className="calendar">
          <caption className="visually-hidden">Möten i {data.label}, veckor från måndag</caption>
          <thead>
            <tr>
              <th scope="col">Vecka</th>
              {WEEKDAY_LABELS.map((d) => (
                <th scope="col" key={d}>
                  <abbr title={d}>{d.slice(0, 3)}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((w) => (
              <tr key={w.days[0]!.date}>
                <th scope="row">v. {w.week}</th>
                {w.days.map((d) => {
                  const list = byDate.get(d.date) ?? [];
                  return (
                    <td key={d.date} className={`${d.inMonth ? "" : "other-month"} ${d.isToday ? "today" : ""}`.trim() || undefined} data-date={d.date}>
                      <span className="day-number">
                        {d.day}
                        {d.isToday ? <span className="visually-hidden"> (i dag)</span> : null}
                      </span>
                      {list.length ? (
                        <ul>
                          {list.slice(0, 4).map((m) => (
                            <li key={m.id} className={`cal-${m.status}`}>
                              <Link to={`/moten/${m.id}`}>
                                {m.startTime} {m.title}
                                {m.status !== "planned" ? ` (${MEETING_STATUS_LABELS[m.status].toLocaleLowerCase("sv")})` : ""}
                              </Link>
                            </li>
                          ))}
                          {list.length > 4 ? (
                            <li>
                              <Link to={`/moten${filterQuery(data.filters, { fran: d.date })}`}>+ {list.length - 4} till</Link>
                            </li>
                          ) : null}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Möteskalender – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
