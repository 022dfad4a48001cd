import { createHash } from "node:crypto";
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatDateSv, formatPeriodSv } from "../domain/dates";
import { formatIndicatorValue, INDICATOR_UNIT_LABELS } from "../domain/indicators";
import { CATEGORIES, CATEGORY_LABELS, RATING_FIELD_LABELS, type Category } from "../domain/rating";
import { monthLabel, reportTitle } from "../domain/report";
import type { ReportView } from "./report-view.server";
import { svgToPng } from "./svg-png.server";

/**
 * The status report as a Word file (the `docx` library): real headings (Rubrik 1–3, so it pastes into
 * the agency's template and gets its table of contents), real tables, and the map and charts as PNG
 * images with their text alternatives. The same ReportView as the page, so the figures are the same.
 */

/** A4 with 2 cm margins leaves about 17 cm: 640 px at Word's 96 px per inch. */
const TEXT_WIDTH_PX = 640;
/** Images are drawn at 1.5× their size in the document, sharp enough on paper and small enough to be quick. */
const PIXEL_RATIO = 1.5;

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) {
  return new Paragraph({ text, heading: level });
}

function paragraph(text: string, options: { bold?: boolean; italics?: boolean } = {}) {
  return new Paragraph({ children: [new TextRun({ text, bold: options.bold, italics: options.italics })], spacing: { after: 120 } });
}

function image(svg: string, alt: string, widthPx: number) {
  const { png, width, height } = svgToPng(svg, { width: Math.round(widthPx * PIXEL_RATIO) });
  return new Paragraph({
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: widthPx, height: Math.round((height / width) * widthPx) },
        altText: { name: alt.slice(0, 60), title: alt.slice(0, 60), description: alt },
      }),
    ],
    spacing: { after: 120 },
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "B7BECB" };
const borders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, options: { header?: boolean; number?: boolean } = {}) {
  return new TableCell({
    borders,
    children: [
      new Paragraph({
        alignment: options.number ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.header, size: 18 })],
      }),
    ],
  });
}

/** A table with a header row; `numeric` marks the columns aligned right. */
function table(caption: string, header: readonly string[], rows: readonly (readonly string[])[], numeric: (i: number) => boolean = (i) => i > 0) {
  return [
    new Paragraph({ children: [new TextRun({ text: caption, bold: true, size: 18 })], spacing: { before: 120, after: 60 }, keepNext: true }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { header: true, number: numeric(i) })) }),
        ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, { number: numeric(i) })) })),
      ],
    }),
    new Paragraph({ text: "", spacing: { after: 120 } }),
  ];
}

function categoryRows(rows: readonly { label: string; counts: Record<Category, number> }[]) {
  return rows.map((r) => [r.label, ...CATEGORIES.map((c) => String(r.counts[c]))]);
}

const cache = new Map<string, Buffer>();

/**
 * The Word file for a report view. The same figures on the same day give the same file, so it is
 * memoised by its content: a second download of an unchanged report costs a hash, not a rebuild.
 */
export async function reportDocx(view: ReportView, generatedOn: string): Promise<Buffer> {
  const key = createHash("sha256").update(generatedOn).update(JSON.stringify(view)).digest("hex");
  const hit = cache.get(key);
  if (hit) return hit;
  const buffer = await buildReportDocx(view, generatedOn);
  if (cache.size > 20) cache.clear();
  cache.set(key, buffer);
  return buffer;
}

async function buildReportDocx(view: ReportView, generatedOn: string): Promise<Buffer> {
  const { report } = view;
  const latest = report.rounds[report.rounds.length - 1]!;
  const body: (Paragraph | Table)[] = [];

  if (view.notice) body.push(paragraph(view.notice, { bold: true }));
  body.push(heading(reportTitle(report.year), HeadingLevel.HEADING_1));
  body.push(
    paragraph(
      `Försäkringskassan · Samverkanskartan · uttag ${formatDateSv(generatedOn)} · ${report.rounds
        .map((r) => `${r.name} (${formatPeriodSv(r.periodStart, r.periodEnd)})`)
        .join(", ")}`,
      { italics: true },
    ),
  );

  body.push(heading("Sammanfattning", HeadingLevel.HEADING_2));
  for (const p of view.summary) body.push(paragraph(p));

  body.push(heading("Kartläggningar", HeadingLevel.HEADING_2));
  body.push(image(view.map.svg, view.map.alt, 300));
  body.push(paragraph(`Karta: ${view.map.roundName}${latest.example ? " (exempeldata)" : ""}.`, { italics: true }));
  body.push(
    ...table(
      "Bedömning per kartläggning, hela riket",
      ["Kartläggning", ...CATEGORIES.map((c) => CATEGORY_LABELS[c])],
      categoryRows(report.rounds.map((r) => ({ label: `${r.name}${r.example ? " (exempeldata)" : ""}`, counts: r.counts }))),
    ),
  );
  for (const r of report.rounds) {
    if (!r.transition) {
      body.push(paragraph(`${r.name}: det finns ingen tidigare kartläggning att jämföra med.`));
      continue;
    }
    const t = r.transition;
    body.push(heading(`${r.name}: förändring sedan ${t.from.name}`, HeadingLevel.HEADING_3));
    body.push(
      ...table("Antal kommuner efter förändring", ["Förändring", "Kommuner"], [
        ["Bättre bedömning", String(t.improved.length)],
        ["Sämre bedömning", String(t.worsened.length)],
        ["Oförändrad", String(t.unchanged)],
        ["Kan inte jämföras (ej bedömd)", String(t.notCompared)],
      ]),
    );
    for (const [title, items] of [
      ["Fått en bättre bedömning", t.improved],
      ["Fått en sämre bedömning", t.worsened],
    ] as const) {
      if (items.length === 0) continue;
      body.push(
        ...table(
          `${title} (${items.length})`,
          ["Kommun", "Län", "Före", "Nu"],
          items.map((m) => [m.name, m.countyName, CATEGORY_LABELS[m.from], CATEGORY_LABELS[m.to]]),
          () => false,
        ),
      );
    }
  }
  body.push(image(view.distribution.svg, view.distribution.alt, TEXT_WIDTH_PX));
  body.push(
    ...table(
      "Bedömningarnas fördelning i alla kartläggningar",
      ["Kartläggning", ...CATEGORIES.map((c) => CATEGORY_LABELS[c])],
      categoryRows(report.history.map((r) => ({ label: r.name, counts: r.counts }))),
    ),
  );
  for (const r of report.rounds) {
    body.push(
      ...table(
        `${r.name}: bedömning per län${r.example ? " (exempeldata)" : ""}`,
        ["Län", ...CATEGORIES.map((c) => CATEGORY_LABELS[c])],
        categoryRows(r.byCounty.map((c) => ({ label: c.name, counts: c.counts }))),
      ),
    );
  }

  body.push(heading("Dialog med kommunerna", HeadingLevel.HEADING_2));
  const d = report.dialogue;
  if (d.example) body.push(paragraph("Exempeldata: mötena är påhittade exempel.", { bold: true }));
  body.push(
    ...table(`Dialogmöten ${report.year}`, ["Möten", "Antal"], [
      ...d.byFormat.map((f) => [`Genomförda: ${f.label}`, String(f.held)]),
      ["Genomförda totalt", String(d.held)],
      ["Planerade (ännu inte genomförda)", String(d.planned)],
      ["Inställda", String(d.cancelled)],
      ["Flyttade", String(d.postponed)],
    ]),
  );
  body.push(image(view.meetings.svg, view.meetings.alt, TEXT_WIDTH_PX));
  body.push(
    ...table(
      "Dialogmöten per månad och status",
      ["Månad", "Genomförda", "Planerade", "Inställda", "Flyttade"],
      d.byMonth.map((m) => [monthLabel(m.month), String(m.held), String(m.planned), String(m.cancelled), String(m.postponed)]),
    ),
  );
  body.push(
    ...table(`Kommuner nådda av genomförda möten ${report.year}`, ["Räckvidd", "Kommuner"], [
      ["Direkt i möten", String(d.reach.direct)],
      ["Enbart via samordningsförbund och andra forum", String(d.reach.viaForum)],
      ["Totalt", String(d.reach.total)],
    ]),
  );
  body.push(
    ...table(
      `Prioriterade kommuner enligt ${d.priority.roundName}: nådda ${report.year}`,
      [RATING_FIELD_LABELS.category, "Kommuner", "Nådda", "varav direkt", "varav via forum"],
      (["needs_strengthening", "access_gap"] as const).map((c) => {
        const p = d.priority[c];
        return [CATEGORY_LABELS[c], String(p.total), String(p.reached), String(p.direct), String(p.viaForum)];
      }),
    ),
  );
  for (const c of ["needs_strengthening", "access_gap"] as const) {
    const notReached = d.priority[c].notReached;
    if (notReached.length > 0) body.push(paragraph(`${CATEGORY_LABELS[c]}, inte nådda ${report.year}: ${notReached.map((m) => m.name).join(", ")}.`));
  }
  body.push(
    ...table(
      `Dialogmaterialet ${report.year}: använt i ${d.materialMeetings} av ${d.held} genomförda möten`,
      ["Avsnitt", "Möten", "Kommuner"],
      d.material.map((s) => [s.title, String(s.meetings), String(s.municipalities)]),
    ),
  );
  body.push(
    ...table(`Uppföljningsåtgärder från årets möten, status ${formatDateSv(generatedOn)}`, ["Status", "Antal"], [
      ["Klara", String(d.actions.done)],
      ["Öppna", String(d.actions.open)],
      ["varav försenade", String(d.actions.overdue)],
    ]),
  );
  if (d.participants.length > 0) {
    body.push(
      ...table(
        `Deltagare från kommunerna i genomförda möten, per funktion (färre än ${report.disclosureThreshold} visas som <${report.disclosureThreshold})`,
        ["Funktion", "Personer"],
        d.participants.map((p) => [p.label, formatIndicatorValue(p.people)]),
      ),
    );
  }

  body.push(heading("Indikatorer", HeadingLevel.HEADING_2));
  body.push(
    ...table(
      `Indikatorer för hela riket, ${report.year} jämfört med ${report.year - 1}. Antal personer under ${report.disclosureThreshold} visas som <${report.disclosureThreshold}.`,
      ["Indikator", String(report.year), String(report.year - 1), "Förändring", "Enhet"],
      report.indicators.map((i) => [
        `${i.name}${i.example ? " (exempeldata)" : ""}`,
        formatIndicatorValue(i.value),
        formatIndicatorValue(i.previous),
        i.change ?? "–",
        INDICATOR_UNIT_LABELS[i.unit],
      ]),
      (i) => i > 0 && i < 4,
    ),
  );
  for (const figure of view.indicators) {
    const indicator = report.indicators.find((i) => i.key === figure.key)!;
    body.push(heading(indicator.name, HeadingLevel.HEADING_3));
    body.push(image(figure.svg, figure.alt, 420));
  }

  const document = new Document({
    creator: "Samverkanskartan",
    title: reportTitle(report.year),
    description: view.notice ?? reportTitle(report.year),
    styles: { default: { document: { run: { font: "Arial", size: 21 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
