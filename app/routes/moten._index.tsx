import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { MeetingFilterForm } from "../components/meeting-filters";
import { MeetingTable } from "../components/meeting-table";
import { formatDateSv } from "../domain/dates";
import { filterQuery, parseDateParam, parseMeetingFilters } from "../domain/meeting-filters";
import { MEETING_FORMAT_LABELS, MEETING_STATUS_LABELS } from "../domain/meeting-vocabulary";
import { IMPORT_COLUMNS } from "../domain/meetings-import";
import { can } from "../domain/permissions";
import { actorOf } from "../models/audit.server";
import { listActiveUsers, listMeetings } from "../models/meeting.server";
import { listCounties } from "../models/register.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { checkMeetingsImport, runMeetingsImport } from "../services/meetings-import.server";
import { todayInSweden } from "../services/priorities.server";

const LIST_LIMIT = 200;

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const params = new URL(request.url).searchParams;
  const counties = listCounties();
  const planners = listActiveUsers();
  const { filters, notices } = parseMeetingFilters(params, { counties, plannerIds: new Set(planners.map((p) => p.id)) });
  const today = todayInSweden();
  const from = parseDateParam(params.get("fran"), "Från-datumet", notices) ?? today;
  const meetings = listMeetings({
    from,
    countyCode: filters.county,
    format: filters.format,
    status: filters.status,
    plannerId: filters.planner,
    limit: LIST_LIMIT + 1,
  });
  return {
    filters,
    notices,
    from,
    today,
    counties,
    planners,
    meetings: meetings.slice(0, LIST_LIMIT),
    more: meetings.length > LIST_LIMIT,
    removed: params.get("borttaget") === "1",
    canManage: can(user, "manage:meetings"),
    calendarLink: `/moten/kalender${filterQuery(filters)}`,
  };
}

/** The import: `preview` checks an uploaded file and shows it; `import` saves the previewed text. */
export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const formData = await request.formData();
  const intent = formData.get("intent");
  let text: string;
  if (intent === "preview") {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return data({ intent: "preview", errors: ["Välj en CSV-fil att importera."], preview: null, imported: null }, { status: 400 });
    }
    text = await file.text();
  } else if (intent === "import") {
    text = String(formData.get("csv") ?? "");
  } else {
    throw httpError(request, 400, "Okänd åtgärd.");
  }
  const checked = checkMeetingsImport(text, todayInSweden());
  if (!checked.ok) return data({ intent, errors: checked.errors, preview: null, imported: null }, { status: 400 });
  if (intent === "preview") {
    return data({
      intent,
      errors: null,
      imported: null,
      preview: {
        csv: text,
        alreadyImported: checked.alreadyImported,
        rows: checked.meetings.map((m) => ({
          row: m.row,
          date: m.date,
          time: `${m.startTime}–${m.endTime}`,
          who: [...m.municipalityCodes, ...(m.forumName ? [m.forumName] : [])].join(", "),
          format: MEETING_FORMAT_LABELS[m.format],
          status: MEETING_STATUS_LABELS[m.status],
          material: m.materialUsed ? `Ja${m.sectionTitles.length ? `: ${m.sectionTitles.join(", ")}` : ""}` : "Nej",
        })),
      },
    });
  }
  const result = runMeetingsImport(checked.meetings, actorOf(user), user.id);
  return data({ intent, errors: null, preview: null, imported: result });
}

export default function MeetingsPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>Dialogmöten</h1>
      {data.removed ? (
        <p className="notice" role="status">
          Mötet är borttaget.
        </p>
      ) : null}
      <p className="page-links no-print">
        {data.canManage ? (
          <Link className="button" to="/moten/ny">
            Boka dialogmöte
          </Link>
        ) : null}
        <Link to={data.calendarLink}>Visa som kalender</Link>
        <Link to="/prioriteringar">Prioriterade kommuner</Link>
        <Link to="/forum">Forum</Link>
        <Link to="/dialogmaterial">Dialogmaterial</Link>
        <Link to="/kalender">Prenumerera i din kalender</Link>
      </p>
      <MeetingFilterForm filters={data.filters} counties={data.counties} planners={data.planners}>
        <div className="field">
          <label htmlFor="fran">Från och med</label>
          <input id="fran" name="fran" type="date" defaultValue={data.from} />
        </div>
      </MeetingFilterForm>
      {data.notices.map((n) => (
        <p key={n} className="form-error" role="alert">
          {n}
        </p>
      ))}
      {data.meetings.length === 0 ? (
        <p>Inga möten från och med {formatDateSv(data.from)} matchar filtret.</p>
      ) : (
        <MeetingTable
          rows={data.meetings}
          caption={`Möten från och med ${formatDateSv(data.from)}${data.more ? ` (de första ${data.meetings.length})` : ""}`}
        />
      )}
      {data.canManage ? <ImportSection actionData={actionData} /> : null}
    </>
  );
}

function ImportSection({ actionData }: { actionData: ReturnType<typeof useActionData<typeof action>> }) {
  return (
    <section aria-labelledby="import-heading" className="panel">
      <h2 id="import-heading">Importera möten som hölls före appen</h2>
      <p>
        En CSV-fil (komma eller semikolon) med kolumnerna {IMPORT_COLUMNS.join(", ")}. Datum skrivs ÅÅÅÅ-MM-DD och tider TT:MM; flera
        kommunkoder skiljs med komma eller mellanslag; status är planerat, genomfört eller inställt; dialogmaterial ja eller nej; flera avsnitt
        skiljs med |. Hela filen kontrolleras först och importeras bara om varje rad är rätt. Samma fil två gånger lägger inte till något.
      </p>
      <p className="hint">Skriv inga uppgifter om enskilda personer.</p>
      {actionData?.errors ? (
        <div className="form-error" role="alert">
          <p>Filen importerades inte:</p>
          <ul>
            {actionData.errors.slice(0, 50).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          {actionData.errors.length > 50 ? <p>… och {actionData.errors.length - 50} fel till.</p> : null}
        </div>
      ) : null}
      {actionData?.imported ? (
        <p className="notice" role="status">
          {actionData.imported.added} möten importerades
          {actionData.imported.skipped ? `; ${actionData.imported.skipped} fanns redan och hoppades över` : ""}.
        </p>
      ) : null}
      {actionData?.preview ? (
        <Form method="post" className="stack">
          <table className="data">
            <caption>Förhandsgranskning: {actionData.preview.rows.length} möten</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Datum</th>
                <th scope="col">Tid</th>
                <th scope="col">Kommuner och forum</th>
                <th scope="col">Form</th>
                <th scope="col">Status</th>
                <th scope="col">Dialogmaterial</th>
              </tr>
            </thead>
            <tbody>
              {actionData.preview.rows.map((r) => (
                <tr key={r.row}>
                  <td>
                    {r.row}
                    {actionData.preview!.alreadyImported.includes(r.row) ? <span className="muted"> (finns redan)</span> : null}
                  </td>
                  <td>{r.date}</td>
                  <td>{r.time}</td>
                  <td>{r.who}</td>
                  <td>{r.format}</td>
                  <td>{r.status}</td>
                  <td>{r.material}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <input type="hidden" name="intent" value="import" />
          <textarea name="csv" defaultValue={actionData.preview.csv} hidden readOnly aria-hidden="true" tabIndex={-1} />
          <div>
            <button type="submit">Importera {actionData.preview.rows.length - actionData.preview.alreadyImported.length} möten</button>
          </div>
        </Form>
      ) : (
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="import-file">CSV-fil</label>
            <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
          <div>
            <button type="submit">Förhandsgranska</button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Dialogmöten – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
