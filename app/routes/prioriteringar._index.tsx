import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CountySelect } from "../components/county-select";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { formatDateSv } from "../domain/dates";
import { CONTACT_VIA_LABELS } from "../domain/dialogue-status";
import { canAnywhere } from "../domain/permissions";
import { parseCountyCode, quoteParam } from "../domain/params";
import { PRIORITY_GROUPS, PRIORITY_GROUP_LABELS } from "../domain/priority";
import { listCounties } from "../models/register.server";
import { listRounds } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { getPriorities, todayInSweden } from "../services/priorities.server";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const params = new URL(request.url).searchParams;
  const counties = listCounties();
  const countyParam = params.get("county") ?? "";
  const county = counties.find((c) => c.code === parseCountyCode(countyParam)) ?? null;
  const result = getPriorities({ round: params.get("round"), county: county?.code ?? null, today: todayInSweden() });
  if (result.kind === "unknown") throw httpError(request, 404, `Kartläggningen "${quoteParam(result.requested)}" finns inte.`);
  return {
    counties,
    countyCode: county?.code ?? "",
    unknownCounty: countyParam && !county ? quoteParam(countyParam) : null,
    rounds: listRounds().map((r) => ({ id: r.id, name: r.name })),
    round: result.kind === "found" ? { id: result.round.id, name: result.round.name, example: result.round.example } : null,
    previousRoundName: result.kind === "found" ? (result.previousRound?.name ?? null) : null,
    priorities: result.kind === "found" ? result.priorities : [],
    canBook: canAnywhere(user, "manage:meetings"),
  };
}

export default function PrioritiesPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Prioriterade kommuner</h1>
      <p className="lead">
        Kommuner med behov i kartläggningen, i den ordning de bör mötas: först de där samverkan behöver stärkas, sedan de med
        otillfredsställande tillgång till insatser. Inom varje grupp kommer först kommuner med försenade uppföljningar, sedan de som
        blivit sämre sedan förra kartläggningen, sedan de utan dialog och sist de där det gått längst tid sedan senaste dialogen.
      </p>
      <Form method="get" className="filters" aria-label="Filtrera prioriteringslistan">
        <div className="field">
          <label htmlFor="round">Kartläggning</label>
          <select id="round" name="round" defaultValue={data.round?.id ?? ""} key={`round-${data.round?.id}`}>
            {data.rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <CountySelect counties={data.counties} value={data.countyCode} />
        <div>
          <button type="submit">Visa</button>
        </div>
      </Form>
      {data.unknownCounty ? (
        <p className="form-error" role="alert">
          Länet med kod "{data.unknownCounty}" finns inte. Hela landet visas.
        </p>
      ) : null}
      {!data.round ? (
        <p>Ingen kartläggning finns ännu, så det finns inget att prioritera.</p>
      ) : (
        <>
          <p className="muted">
            Enligt {data.round.name} {data.round.example ? <ExampleBadge /> : null}
            {data.previousRoundName ? `, jämfört med ${data.previousRoundName}` : ""}.
          </p>
          {PRIORITY_GROUPS.map((group) => {
            const entries = data.priorities.filter((p) => p.category === group);
            return (
              <section key={group} aria-labelledby={`group-${group}`} className="table-section">
                <h2 id={`group-${group}`}>
                  {PRIORITY_GROUP_LABELS[group]} ({entries.length})
                </h2>
                {entries.length === 0 ? (
                  <p>Inga kommuner i den här gruppen.</p>
                ) : (
                  <ol className="priority-list" data-group={group}>
                    {entries.map((p) => (
                      <li key={p.code} className="panel priority-entry" data-code={p.code}>
                        <div className="priority-head">
                          <h3>
                            <Link to={`/kommuner/${p.code}`}>{p.name}</Link> <span className="muted">{p.countyName}</span>
                          </h3>
                          {data.canBook ? (
                            <Link className="button" to={`/moten/ny?kommun=${p.code}`}>
                              Boka dialogmöte<span className="visually-hidden"> med {p.name}</span>
                            </Link>
                          ) : null}
                        </div>
                        <ul className="reasons">
                          {p.reasons.map((r) => (
                            <li key={r}>{r}</li>
                          ))}
                        </ul>
                        <p className="muted">
                          Senaste möte: {p.lastMeeting ? `${formatDateSv(p.lastMeeting)} (${CONTACT_VIA_LABELS[p.lastVia ?? "direct"]})` : "inget"} ·
                          Nästa möte: {p.nextMeeting ? `${formatDateSv(p.nextMeeting)} (${CONTACT_VIA_LABELS[p.nextVia ?? "direct"]})` : "inget planerat"}
                          {p.overdueActions > 0 ? ` · Försenade uppföljningar: ${p.overdueActions}` : ""}
                        </p>
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Prioriterade kommuner – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
