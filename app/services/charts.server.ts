import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CATEGORY_COLOURS, DIALOGUE_COLOURS } from "../components/map/colours";
import { INDICATOR_UNIT_LABELS } from "../domain/indicators";
import { CATEGORIES, CATEGORY_LABELS } from "../domain/rating";
import type { ReportDialogue, ReportIndicator, YearReport } from "../domain/report";

/**
 * The report's charts as SVG strings, drawn on the server by Observable Plot into a linkedom document,
 * so they print, show without JavaScript and need no inline <style> (the CSP allows none): Plot's own
 * <style> element is removed and app.css styles `.chart svg` instead. The same SVG is turned into a PNG
 * for the Word file (report-docx.server.ts). Results are memoised by their input, so a report page
 * redraws nothing that has not changed.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
const INK = "#1d2430";

const numberFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });
const swedishNumber = (n: number) => numberFormat.format(n);
const SHORT_MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

const cache = new Map<string, string>();
function memo(key: string, draw: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const svg = draw();
  if (cache.size > 200) cache.clear();
  cache.set(key, svg);
  return svg;
}

function newDocument() {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

type LegendEntry = { label: string; colour: string };

/**
 * Plot's SVG, made standalone: the namespace declared (for resvg and for files), its <style> removed,
 * text in the report's font and colour, and an optional legend drawn as rows of swatches under it.
 */
function finish(svg: SVGSVGElement, doc: Document, legend: readonly LegendEntry[] = []): string {
  svg.querySelectorAll("style").forEach((s) => s.remove());
  svg.setAttribute("xmlns", SVG_NS);
  svg.setAttribute("font-family", FONT);
  svg.setAttribute("font-size", "12");
  svg.setAttribute("fill", INK);
  svg.setAttribute("color", INK);
  svg.removeAttribute("class");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  if (legend.length > 0) {
    const width = Number(svg.getAttribute("width"));
    const height = Number(svg.getAttribute("height"));
    const rowHeight = 18;
    const g = doc.createElementNS(SVG_NS, "g");
    g.setAttribute("transform", `translate(12, ${height + 6})`);
    g.setAttribute("text-anchor", "start");
    legend.forEach((entry, i) => {
      const rect = doc.createElementNS(SVG_NS, "rect");
      rect.setAttribute("x", "0");
      rect.setAttribute("y", String(i * rowHeight));
      rect.setAttribute("width", "12");
      rect.setAttribute("height", "12");
      rect.setAttribute("fill", entry.colour);
      rect.setAttribute("stroke", "#5d6675");
      const text = doc.createElementNS(SVG_NS, "text");
      text.setAttribute("x", "18");
      text.setAttribute("y", String(i * rowHeight + 10));
      text.setAttribute("font-size", "12");
      text.textContent = entry.label;
      g.appendChild(rect);
      g.appendChild(text);
    });
    svg.appendChild(g);
    const total = height + 10 + legend.length * rowHeight;
    svg.setAttribute("height", String(total));
    svg.setAttribute("viewBox", `0 0 ${width} ${total}`);
  }
  return svg.outerHTML;
}

/** Shorter round names for the axis: "Kartläggning februari 2025" stays, long names are cut. */
function axisName(name: string): string {
  return name.length > 28 ? `${name.slice(0, 27)}…` : name;
}

/** The category distribution across all rounds: one stacked bar per round, in the map's colours. */
export function distributionChartSvg(history: YearReport["history"]): string {
  return memo(`dist:${JSON.stringify(history.map((h) => [h.name, h.counts]))}`, () => {
    const doc = newDocument();
    const data = history.flatMap((r) =>
      CATEGORIES.map((c) => ({ round: axisName(r.name), category: CATEGORY_LABELS[c], count: r.counts[c] })),
    );
    const svg = Plot.plot({
      document: doc,
      width: 640,
      height: Math.max(140, 46 * history.length + 60),
      marginLeft: 190,
      marginRight: 20,
      style: { fontSize: "11px" },
      x: { label: "Antal kommuner", grid: true, tickFormat: swedishNumber },
      y: { label: null, domain: history.map((r) => axisName(r.name)) },
      color: { domain: CATEGORIES.map((c) => CATEGORY_LABELS[c]), range: CATEGORIES.map((c) => CATEGORY_COLOURS[c]) },
      marks: [
        Plot.barX(data, { y: "round", x: "count", fill: "category", stroke: "#5d6675", strokeWidth: 0.5, order: CATEGORIES.map((c) => CATEGORY_LABELS[c]) }),
        Plot.ruleX([0]),
      ],
    }) as SVGSVGElement;
    svg.removeAttribute("style");
    return finish(svg, doc, CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], colour: CATEGORY_COLOURS[c] })));
  });
}

const MEETING_STATUS_SERIES = [
  { key: "held", label: "Genomförda", colour: DIALOGUE_COLOURS.met_this_year },
  { key: "planned", label: "Planerade", colour: DIALOGUE_COLOURS.planned },
  { key: "postponed", label: "Flyttade", colour: "#9aa1ac" },
  { key: "cancelled", label: "Inställda", colour: "#5d6675" },
] as const;

/** Dialogue meetings per month of the year, stacked by status (held at the bottom); totals on top. */
export function meetingsChartSvg(byMonth: ReportDialogue["byMonth"]): string {
  return memo(`meet:${JSON.stringify(byMonth)}`, () => {
    const doc = newDocument();
    const months = SHORT_MONTHS;
    const monthOf = (m: { month: string }) => months[Number(m.month.slice(5, 7)) - 1]!;
    const data = byMonth.flatMap((m) => MEETING_STATUS_SERIES.map((s) => ({ month: monthOf(m), status: s.label, count: m[s.key] })));
    const totals = byMonth.map((m) => ({ month: monthOf(m), total: m.held + m.planned + m.cancelled + m.postponed }));
    const svg = Plot.plot({
      document: doc,
      width: 640,
      height: 240,
      marginLeft: 50,
      x: { label: null, domain: months },
      y: { label: "Möten", grid: true, tickFormat: swedishNumber },
      color: { domain: MEETING_STATUS_SERIES.map((s) => s.label), range: MEETING_STATUS_SERIES.map((s) => s.colour) },
      marks: [
        Plot.barY(data, { x: "month", y: "count", fill: "status", order: MEETING_STATUS_SERIES.map((s) => s.label) }),
        Plot.text(totals, { x: "month", y: "total", text: (d: { total: number }) => (d.total > 0 ? swedishNumber(d.total) : ""), dy: -6 }),
        Plot.ruleY([0]),
      ],
    }) as SVGSVGElement;
    svg.removeAttribute("style");
    return finish(svg, doc, MEETING_STATUS_SERIES.map((s) => ({ label: s.label, colour: s.colour })));
  });
}

const TREND_COLOUR = "#1b4b72";
const ROUND_MARK_COLOUR = "#6b1d57";

/** One indicator's yearly national values, with the mapping rounds marked as vertical lines. */
export function indicatorTrendSvg(
  indicator: Pick<ReportIndicator, "key" | "name" | "unit" | "series">,
  rounds: readonly { name: string; periodStart: string }[],
): string {
  return memo(`ind:${JSON.stringify([indicator.key, indicator.series, rounds])}`, () => {
    const doc = newDocument();
    const points = indicator.series
      .filter((p): p is { year: number; value: number } => p.value !== null)
      .map((p) => ({ date: new Date(Date.UTC(p.year, 6, 1)), value: p.value }));
    const years = indicator.series.map((p) => p.year);
    const roundYears = rounds.map((r) => Number(r.periodStart.slice(0, 4)));
    const first = Math.min(...years, ...roundYears);
    const last = Math.max(...years, ...roundYears);
    // A round is marked where its period starts, labelled with its month ("feb 2025"); labels alternate
    // between two heights so that rounds close in time do not overwrite each other.
    const marks = rounds.map((r, i) => ({
      date: new Date(`${r.periodStart}T00:00:00Z`),
      label: `${SHORT_MONTHS[Number(r.periodStart.slice(5, 7)) - 1]} ${r.periodStart.slice(0, 4)}`,
      dy: i % 2 === 0 ? -18 : -6,
    }));
    const yearTicks = Array.from({ length: last - first + 1 }, (_, i) => new Date(Date.UTC(first + i, 6, 1)));
    const svg = Plot.plot({
      document: doc,
      width: 420,
      height: 220,
      marginLeft: 56,
      marginTop: 34,
      insetTop: 16,
      x: {
        type: "utc",
        domain: [new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last + 1, 0, 1))],
        label: null,
        ticks: yearTicks.length > 8 ? yearTicks.filter((_, i) => i % 2 === (yearTicks.length - 1) % 2) : yearTicks,
        tickFormat: "%Y",
      },
      y: { label: INDICATOR_UNIT_LABELS[indicator.unit], grid: true, zero: true, tickFormat: swedishNumber },
      marks: [
        Plot.ruleX(marks, { x: "date", stroke: ROUND_MARK_COLOUR, strokeDasharray: "4 3" }),
        Plot.text(marks.filter((m) => m.dy < -10), { x: "date", text: "label", frameAnchor: "top", dy: -18, fill: ROUND_MARK_COLOUR, fontSize: 9 }),
        Plot.text(marks.filter((m) => m.dy > -10), { x: "date", text: "label", frameAnchor: "top", dy: -6, fill: ROUND_MARK_COLOUR, fontSize: 9 }),
        Plot.line(points, { x: "date", y: "value", stroke: TREND_COLOUR, strokeWidth: 2 }),
        Plot.dot(points, { x: "date", y: "value", fill: TREND_COLOUR, r: 3 }),
      ],
    }) as SVGSVGElement;
    svg.removeAttribute("style");
    return finish(svg, doc);
  });
}
