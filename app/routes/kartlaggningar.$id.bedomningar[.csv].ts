import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseId, quoteParam } from "../domain/params";
import { assessmentsCsv } from "../domain/ratings-csv";
import { listRoundAssessments } from "../models/assessment.server";
import { getRound } from "../models/round.server";
import { requireUser } from "../services/auth.server";
import { fileResponse, invariantResponse } from "../services/http.server";

/** GET /kartlaggningar/:id/bedomningar.csv: the round's assessments, one row per municipality. */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const id = parseId(params.id);
  const round = id ? getRound(id) : undefined;
  invariantResponse(round, `Det finns ingen kartläggning med id "${quoteParam(params.id ?? "")}".`, { request });
  const rows = listRoundAssessments(round.id).map((r) => ({
    code: r.code,
    name: r.name,
    countyName: r.countyName,
    collaboration: r.collaboration,
    interventionAccess: r.interventionAccess,
    category: r.category,
    channels: r.channels,
    channelOther: r.channelOther,
    comment: r.comment,
    confirmed: r.confirmed,
    assessedBy: r.updatedByName,
    assessedAt: r.updatedAt,
  }));
  return fileResponse(assessmentsCsv(rows), { kind: "csv", name: ["bedomningar", round.name, round.example ? "exempeldata" : null] });
}
