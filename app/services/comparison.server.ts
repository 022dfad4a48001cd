import { parseCountyCode, parseId, quoteParam } from "../domain/params";
import { compareRounds, defaultComparison } from "../domain/round-comparison";
import { listRoundTransitions } from "../models/assessment.server";
import { listCounties } from "../models/register.server";
import { getRound, listRounds } from "../models/round.server";
import { httpError } from "./http.server";

export function roundSummary(r: { id: number; name: string; periodStart: string; periodEnd: string; status: string; example: boolean }) {
  return { id: r.id, name: r.name, periodStart: r.periodStart, periodEnd: r.periodEnd, status: r.status, example: r.example };
}

/**
 * The two rounds a comparison names (`from`/`to` ids), or the two latest by period when neither is
 * given; a named round that does not exist is a 404 (JSON for the API, a page otherwise).
 */
export function resolveComparison(request: Request, fromParam: string | null, toParam: string | null) {
  if (!fromParam && !toParam) {
    const pair = defaultComparison(listRounds());
    return pair ? { from: pair.from, to: pair.to } : null;
  }
  const find = (param: string | null, label: string) => {
    const id = parseId(param);
    const round = id ? getRound(id) : undefined;
    if (!round) {
      throw httpError(request, param ? 404 : 400, param ? `Kartläggningen med id "${quoteParam(param)}" finns inte.` : `Ange kartläggningen att jämföra ${label}.`);
    }
    return round;
  };
  return { from: find(fromParam, "från"), to: find(toParam, "till") };
}

/** The comparison of two rounds, optionally for one county (an unknown county is a 404 too). */
export function compareRoundsFor(request: Request, fromId: number, toId: number, countyParam: string | null) {
  let county: { code: string; name: string } | null = null;
  if (countyParam) {
    const code = parseCountyCode(countyParam);
    county = (code && listCounties().find((c) => c.code === code)) || null;
    if (!county) throw httpError(request, 404, `Länet med kod "${quoteParam(countyParam)}" finns inte.`);
  }
  const rows = listRoundTransitions(fromId, toId).filter((r) => !county || r.countyCode === county.code);
  return { county, rows, ...compareRounds(rows) };
}
