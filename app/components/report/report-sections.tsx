import { Link } from "@remix-run/react";
import { formatDateSv } from "../../domain/dates";
import { INDICATOR_UNIT_LABELS } from "../../domain/indicators";
import { CATEGORY_LABELS, RATING_FIELD_LABELS } from "../../domain/rating";
import { monthLabel, type ReportMunicipality, type YearReport } from "../../domain/report";
import { CategoryTable, ChartFigure, Example, FigureTable, Value } from "./report-parts";

/** A figure as the page shows it: an image of the server's SVG (see report-images.server.ts). */
type Figure = { src: string; alt: string; width: number; height: number };

const PRIORITY = ["needs_strengthening", "access_gap"] as const;
const MAP_LEGEND = ["good", "access_gap", "needs_strengthening", "unrated"] as const;

/** The mapping rounds of the year: the map, each round's counts and change, the distribution, per county. */
export function RoundsSection({ report, map, distribution }: { report: YearReport; map: Figure & { roundName: string }; distribution: Figure }) {
  const latest = report.rounds[report.rounds.length - 1]!;
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">Kartläggningar</h2>
      <div className="report-map-row">
        <ChartFigure
          figure={map}
          className="report-map"
          caption={
            <>
              Karta: {map.roundName}
              <Example when={latest.example} />
            </>
          }
        >
          <ul className="report-legend">
            {MAP_LEGEND.map((c) => (
              <li key={c}>
                <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}: {latest.counts[c]}
              </li>
            ))}
          </ul>
        </ChartFigure>
        <div className="report-map-side">
          <CategoryTable
            caption="Bedömning per kartläggning, hela riket"
            groupLabel="Kartläggning"
            rows={report.rounds.map((r) => ({
              key: r.id,
              label: (
                <>
                  {r.name}
                  <Example when={r.example} />
                </>
              ),
              counts: r.counts,
            }))}
          />
          {report.rounds.map((r) =>
            r.transition ? (
              <div key={r.id} className="report-transition">
                <h3>
                  {r.name}: förändring sedan {r.transition.from.name}
                </h3>
                <FigureTable
                  caption="Antal kommuner efter förändring"
                  rows={[
                    { key: "improved", head: "Bättre bedömning", cells: [r.transition.improved.length] },
                    { key: "worsened", head: "Sämre bedömning", cells: [r.transition.worsened.length] },
                    { key: "unchanged", head: "Oförändrad", cells: [r.transition.unchanged] },
                    { key: "not-compared", head: "Kan inte jämföras (ej bedömd)", cells: [r.transition.notCompared] },
                  ]}
                />
                <MunicipalityLinks title="Fått en bättre bedömning" items={r.transition.improved} note={changeNote} />
                <MunicipalityLinks title="Fått en sämre bedömning" items={r.transition.worsened} note={changeNote} />
              </div>
            ) : (
              <p key={r.id}>{r.name}: det finns ingen tidigare kartläggning att jämföra med.</p>
            ),
          )}
        </div>
      </div>

      <ChartFigure figure={distribution} caption="Bedömningarnas fördelning i alla kartläggningar">
        <CategoryTable
          caption="Tabell: bedömningarnas fördelning i alla kartläggningar"
          groupLabel="Kartläggning"
          rows={report.history.map((r) => ({ key: r.id, label: r.name, counts: r.counts }))}
        />
      </ChartFigure>

      {report.rounds.map((r) => (
        <CategoryTable
          key={r.id}
          caption={`${r.name}: bedömning per län${r.example ? " (exempeldata)" : ""}`}
          groupLabel="Län"
          rows={r.byCounty.map((c) => ({ key: c.code, label: c.name, counts: c.counts }))}
        />
      ))}
    </section>
  );
}

/** The dialogue with the municipalities in the year: meetings, reach, the material, follow-ups, participants. */
export function DialogueSection({ report, meetings, generatedOn }: { report: YearReport; meetings: Figure; generatedOn: string }) {
  const { dialogue, year, disclosureThreshold } = report;
  return (
    <section aria-labelledby="dialogue-heading">
      <h2 id="dialogue-heading">Dialog med kommunerna</h2>
      {dialogue.example ? (
        <p>
          <span className="example-badge">Exempeldata: mötena är påhittade exempel.</span>
        </p>
      ) : null}
      <FigureTable
        label="Dialogmöten per form och status"
        caption={`Dialogmöten ${year}`}
        narrow
        columns={[{ label: "Möten" }, { label: "Antal", num: true }]}
        rows={[
          ...dialogue.byFormat.map((f) => ({ key: f.format, head: `Genomförda: ${f.label}`, cells: [f.held] })),
          { key: "held", head: "Genomförda totalt", cells: [dialogue.held], total: true },
          { key: "planned", head: "Planerade (ännu inte genomförda)", cells: [dialogue.planned] },
          { key: "cancelled", head: "Inställda", cells: [dialogue.cancelled] },
          { key: "postponed", head: "Flyttade", cells: [dialogue.postponed] },
        ]}
      />
      <ChartFigure figure={meetings} caption={`Dialogmöten per månad ${year}`}>
        <FigureTable
          label="Dialogmöten per månad"
          caption="Tabell: dialogmöten per månad och status"
          columns={[
            { label: "Månad" },
            { label: "Genomförda", num: true },
            { label: "Planerade", num: true },
            { label: "Inställda", num: true },
            { label: "Flyttade", num: true },
          ]}
          rows={dialogue.byMonth.map((m) => ({ key: m.month, head: monthLabel(m.month), cells: [m.held, m.planned, m.cancelled, m.postponed] }))}
        />
      </ChartFigure>
      <FigureTable
        label="Kommuner nådda"
        caption={`Kommuner nådda av genomförda möten ${year}`}
        narrow
        rows={[
          { key: "direct", head: "Direkt i möten", cells: [dialogue.reach.direct] },
          { key: "forum", head: "Enbart via samordningsförbund och andra forum", cells: [dialogue.reach.viaForum] },
          { key: "total", head: "Totalt", cells: [dialogue.reach.total], total: true },
        ]}
      />
      <FigureTable
        label="Prioriterade kommuner nådda"
        caption={`Prioriterade kommuner enligt ${dialogue.priority.roundName}: nådda ${year}`}
        columns={[
          { label: RATING_FIELD_LABELS.category },
          { label: "Kommuner", num: true },
          { label: "Nådda", num: true },
          { label: "varav direkt", num: true },
          { label: "varav via forum", num: true },
        ]}
        rows={PRIORITY.map((c) => {
          const reach = dialogue.priority[c];
          return {
            key: c,
            head: (
              <>
                <span className={`swatch ${c}`} aria-hidden="true" /> {CATEGORY_LABELS[c]}
              </>
            ),
            cells: [reach.total, reach.reached, reach.direct, reach.viaForum],
          };
        })}
      />
      {PRIORITY.map((c) => (
        <MunicipalityLinks key={c} title={`${CATEGORY_LABELS[c]}: inte nådda ${year}`} items={dialogue.priority[c].notReached} />
      ))}
      <FigureTable
        label="Dialogmaterialets avsnitt"
        caption={`Dialogmaterialet ${year}: använt i ${dialogue.materialMeetings} av ${dialogue.held} genomförda möten`}
        columns={[{ label: "Avsnitt" }, { label: "Möten", num: true }, { label: "Kommuner", num: true }]}
        rows={dialogue.material.map((s) => ({ key: s.title, head: s.title, cells: [s.meetings, s.municipalities] }))}
      />
      <FigureTable
        label="Uppföljningsåtgärder"
        caption={`Uppföljningsåtgärder från årets möten, status ${formatDateSv(generatedOn)}`}
        narrow
        rows={[
          { key: "done", head: "Klara", cells: [dialogue.actions.done] },
          { key: "open", head: "Öppna", cells: [dialogue.actions.open] },
          { key: "overdue", head: "varav försenade", cells: [dialogue.actions.overdue] },
        ]}
      />
      {dialogue.participants.length > 0 ? (
        <FigureTable
          label="Deltagare från kommunerna"
          caption={`Deltagare från kommunerna i genomförda möten, per funktion (färre än ${disclosureThreshold} visas som <${disclosureThreshold})`}
          narrow
          columns={[{ label: "Funktion" }, { label: "Personer", num: true }]}
          rows={dialogue.participants.map((p) => ({ key: p.function, head: p.label, cells: [<Value key="v" value={p.people} />] }))}
        />
      ) : null}
    </section>
  );
}

/** The national indicators: the year against the year before, a trend chart each, and the years as a table. */
export function IndicatorsSection({ report, charts }: { report: YearReport; charts: readonly (Figure & { key: string })[] }) {
  const { year, disclosureThreshold } = report;
  const years = Array.from(new Set(report.indicators.flatMap((i) => i.series.map((p) => p.year)))).sort();
  const chartOf = new Map(charts.map((f) => [f.key, f]));
  return (
    <section aria-labelledby="indicators-heading">
      <h2 id="indicators-heading">Indikatorer</h2>
      <FigureTable
        label="Indikatorer"
        caption={`Indikatorer för hela riket, ${year} jämfört med ${year - 1}. Antal personer under ${disclosureThreshold} visas som <${disclosureThreshold}.`}
        columns={[
          { label: "Indikator" },
          { label: year, num: true },
          { label: year - 1, num: true },
          { label: "Förändring", num: true },
          { label: "Enhet" },
        ]}
        rows={report.indicators.map((i) => ({
          key: i.key,
          head: (
            <>
              {i.name}
              <Example when={i.example} />
            </>
          ),
          cells: [<Value key="now" value={i.value} />, <Value key="before" value={i.previous} />, i.change ?? "–", INDICATOR_UNIT_LABELS[i.unit]],
        }))}
      />
      <div className="report-trends">
        {report.indicators.map((i) => (
          <ChartFigure key={i.key} figure={chartOf.get(i.key)!} caption={i.name} className="trend" />
        ))}
      </div>
      <FigureTable
        label="Indikatorerna år för år"
        caption="Tabell: indikatorerna år för år (hela riket); streckade linjer i diagrammen markerar kartläggningarna"
        className="report-trend-table"
        columns={[{ label: "Indikator" }, ...years.map((y) => ({ key: y, label: y, num: true }))]}
        rows={report.indicators.map((i) => ({
          key: i.key,
          head: i.name,
          cells: years.map((y) => <Value key={y} value={i.series.find((p) => p.year === y)?.value ?? null} />),
        }))}
      />
      <p className="hint no-print">
        <Link to="/indikatorer">Alla indikatorvärden</Link>
      </p>
    </section>
  );
}

/** An open list of municipalities, each a link to its page, with an optional note after the name. */
function MunicipalityLinks<T extends { code: string; name: string }>({
  title,
  items,
  note,
}: {
  title: string;
  items: readonly T[];
  note?: (m: T) => string;
}) {
  if (items.length === 0) return null;
  return (
    <details className="report-list" open>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="columns">
        {items.map((m) => (
          <li key={m.code}>
            <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
            {note ? ` ${note(m)}` : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

const changeNote = (m: ReportMunicipality) => `(${m.countyName}): ${CATEGORY_LABELS[m.from]} → ${CATEGORY_LABELS[m.to]}`;
