import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CategoryBadge } from "../components/category";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { formatDateTimeSv, formatPeriodSv } from "../domain/dates";
import { parseMunicipalityCode, quoteParam } from "../domain/params";
import { categorize, collaborationLabel, interventionAccessLabel, RATING_FIELD_LABELS } from "../domain/rating";
import { NO_ROUND_YET, periodBesideName } from "../domain/round";
import { listAssessmentHistory, listRatingsForMunicipality } from "../models/assessment.server";
import { ASSESSMENT_SOURCE_LABELS } from "../domain/assessment";
import { formatChannels } from "../domain/channels";
import { can } from "../domain/permissions";
import { getOpenRound } from "../models/round.server";
import { getMunicipality } from "../models/register.server";
import { requireUser } from "../services/auth.server";
import { invariantResponse } from "../services/http.server";
import { TableScroll } from "../components/table-scroll";
import { DialogueTimeline } from "../components/dialogue-timeline";
import { municipalityDialogue } from "../services/municipality-dialogue.server";

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const code = parseMunicipalityCode(params.code);
  const municipality = code === null ? undefined : getMunicipality(code);
  invariantResponse(municipality, `Det finns ingen kommun med kommunkoden "${quoteParam(params.code ?? "")}".`);
  const open = getOpenRound();
  const ratings = listRatingsForMunicipality(municipality.code);
  const roundNames = new Map(ratings.map((r) => [r.roundId, r.roundName]));
  return {
    municipality,
    ratings,
    dialogue: municipalityDialogue(request, municipality.code),
    history: listAssessmentHistory(municipality.code).map((h) => ({ ...h, roundName: roundNames.get(h.roundId) ?? "" })),
    assessLink:
      open && can(user, "update:rating", { countyCode: municipality.countyCode })
        ? { url: `/kartlaggningar/${open.id}/kommuner/${municipality.code}`, roundName: open.name }
        : null,
  };
}

export default function MunicipalityPage() {
  const { municipality, ratings, history, assessLink, dialogue } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="no-print page-links">
        <Link to="/kommuner">← Alla kommuner</Link>
        <Link to={`/?county=${municipality.countyCode}&municipality=${municipality.code}`}>Visa på kartan</Link>
        {assessLink ? <Link to={assessLink.url}>Bedöm i {assessLink.roundName}</Link> : null}
      </p>
      <h1>{municipality.name}</h1>
      <dl className="facts panel">
        <dt>Kommunkod</dt>
        <dd>{municipality.code}</dd>
        <dt>Län</dt>
        <dd>
          <Link to={`/kommuner?county=${municipality.countyCode}`}>{municipality.countyName}</Link>
        </dd>
      </dl>
      <h2>Bedömningar per kartläggning</h2>
      {ratings.length === 0 ? (
        <p>{NO_ROUND_YET}</p>
      ) : (
        <TableScroll label="Bedömningar per kartläggning">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kartläggning</th>
                <th scope="col">{RATING_FIELD_LABELS.collaboration}</th>
                <th scope="col">{RATING_FIELD_LABELS.interventionAccess}</th>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
                <th scope="col">Kanaler</th>
                <th scope="col">Kommentar</th>
                <th scope="col">Senast ändrad</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((r) => (
                <tr key={r.roundId}>
                  <td>
                    {r.roundName} {r.example ? <ExampleBadge /> : null}
                    {periodBesideName(r.roundName, formatPeriodSv(r.periodStart, r.periodEnd)) ? (
                      <>
                        <br />
                        <span className="muted">{formatPeriodSv(r.periodStart, r.periodEnd)}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{collaborationLabel(r.collaboration, "–")}</td>
                  <td>{interventionAccessLabel(r.interventionAccess, "–")}</td>
                  <td>
                    <CategoryBadge category={r.category} />
                    {r.confirmed === false ? <div className="unconfirmed-note">Förifylld, ej bekräftad</div> : null}
                  </td>
                  <td>{r.collaboration ? formatChannels(r.channels, r.channelOther ?? "") || "–" : "–"}</td>
                  <td>{r.comment || <span className="muted">–</span>}</td>
                  <td>
                    {r.updatedAt ? formatDateTimeSv(r.updatedAt) : "–"}
                    {r.updatedByName ? <div className="muted">{r.updatedByName}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h2>Alla ändringar</h2>
      {history.length === 0 ? (
        <p>Inga bedömningar har sparats.</p>
      ) : (
        <TableScroll label="Alla ändringar">
          <table className="data" data-testid="assessment-history">
            <caption>Varje sparad version av bedömningen, nyast först.</caption>
            <thead>
              <tr>
                <th scope="col">När</th>
                <th scope="col">Kartläggning</th>
                <th scope="col">Vem</th>
                <th scope="col">Hur</th>
                <th scope="col">{RATING_FIELD_LABELS.category}</th>
                <th scope="col">Kanaler</th>
                <th scope="col">Kommentar</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id}>
                  <td>{formatDateTimeSv(h.changedAt)}</td>
                  <td>
                    {h.roundName} <span className="muted">v{h.version}</span>
                  </td>
                  <td>{h.changedByName ?? <span className="muted">system</span>}</td>
                  <td>{ASSESSMENT_SOURCE_LABELS[h.source] ?? h.source}</td>
                  <td>
                    <CategoryBadge category={categorize(h.collaboration, h.interventionAccess)} />
                    {h.confirmed ? null : <div className="unconfirmed-note">Ej bekräftad</div>}
                  </td>
                  <td>{formatChannels(h.channels, h.channelOther) || "–"}</td>
                  <td>{h.comment || <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <DialogueTimeline code={municipality.code} name={municipality.name} dialogue={dialogue} />
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.municipality.name} – Samverkanskartan` : "Kommunen finns inte – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
