import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { TableScroll } from "../components/table-scroll";
import { materialUse } from "../domain/material-use";
import { listMunicipalityRatings } from "../models/assessment.server";
import { listMaterials } from "../models/material.server";
import { listHeldMeetingsForMaterialUse } from "../models/meeting.server";
import { listCounties } from "../models/register.server";
import { getLatestRound } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { todayInSweden } from "../services/priorities.server";

export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const round = getLatestRound() ?? null;
  const ratings = listMunicipalityRatings(round?.id ?? null);
  const year = todayInSweden().slice(0, 4);
  const use = materialUse(listMaterials(), listHeldMeetingsForMaterialUse(), {
    countyOf: new Map(ratings.map((r) => [r.code, r.countyCode])),
    counties: listCounties(),
    needsStrengthening: ratings.filter((r) => r.category === "needs_strengthening").map((r) => r.code),
    accessGap: ratings.filter((r) => r.category === "access_gap").map((r) => r.code),
    year,
  });
  return { ...use, year, round: round && { name: round.name, example: round.example } };
}

export default function MaterialUsePage() {
  const data = useLoaderData<typeof loader>();
  const ns = data.reachedThisYear.needsStrengthening;
  const gap = data.reachedThisYear.accessGap;
  return (
    <>
      <p className="no-print page-links">
        <Link to="/dialogmaterial">← Dialogmaterial</Link>
      </p>
      <h1>Hur dialogmaterialet används</h1>
      {data.round ? (
        <section aria-labelledby="reach-heading" className="panel">
          <h2 id="reach-heading">Nådda i år ({data.year})</h2>
          <p className="muted">
            Enligt {data.round.name} {data.round.example ? <ExampleBadge /> : null}. Räknar alla genomförda möten, direkt eller via forum.
          </p>
          <ul data-testid="reach">
            <li>
              Samverkan behöver stärkas: <strong>{ns.reached} av {ns.total}</strong> nådda ({ns.direct} direkt, {ns.viaForum} via forum)
            </li>
            <li>
              Otillfredsställande tillgång till insatser: <strong>{gap.reached} av {gap.total}</strong> nådda ({gap.direct} direkt,{" "}
              {gap.viaForum} via forum)
            </li>
          </ul>
        </section>
      ) : null}
      {data.perVersion.map((v) => (
        <section key={v.id} aria-labelledby={`use-${v.id}`}>
          <h2 id={`use-${v.id}`}>
            {v.name}, version {v.version}
          </h2>
          <TableScroll label={`${v.name}, version ${v.version}: användning per avsnitt`}>
          <table className="data" data-testid={`material-use-${v.version}`}>
            <caption>Genomförda möten där materialet användes, per avsnitt</caption>
            <thead>
              <tr>
                <th scope="col">Avsnitt</th>
                <th scope="col">Möten</th>
                <th scope="col">Kommuner nådda</th>
                <th scope="col">varav direkt</th>
                <th scope="col">varav via forum</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Hela materialet</th>
                <td>{v.total.meetings}</td>
                <td>{v.total.municipalities}</td>
                <td>{v.total.direct}</td>
                <td>{v.total.viaForum}</td>
              </tr>
              {v.sections.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.title}</th>
                  <td>{s.meetings}</td>
                  <td>{s.municipalities}</td>
                  <td>{s.direct}</td>
                  <td>{s.viaForum}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        </section>
      ))}
      <section aria-labelledby="county-heading">
        <h2 id="county-heading">Per län</h2>
        {data.perCounty.length === 0 ? (
          <p>Materialet har inte använts ännu.</p>
        ) : (
          <TableScroll label="Användning per län">
          <table className="data">
            <caption>Möten med materialet och kommuner nådda, per län</caption>
            <thead>
              <tr>
                <th scope="col">Län</th>
                <th scope="col">Möten</th>
                <th scope="col">Kommuner direkt</th>
                <th scope="col">Kommuner via forum</th>
              </tr>
            </thead>
            <tbody>
              {data.perCounty.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name}</th>
                  <td>{c.meetings}</td>
                  <td>{c.direct}</td>
                  <td>{c.viaForum}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Dialogmaterialets användning – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
