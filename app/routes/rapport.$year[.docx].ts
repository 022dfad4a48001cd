import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../services/auth.server";
import { fileResponse } from "../services/http.server";
import { reportDocx } from "../services/report-docx.server";
import { reportView, requireYearReport } from "../services/report-view.server";

/** /rapport/2026.docx: the year's status report as a Word file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const report = requireYearReport(request, params.year);
  const buffer = await reportDocx(reportView(report), new Date().toISOString().slice(0, 10));
  return fileResponse(new Uint8Array(buffer), { kind: "docx", name: ["lagesrapport", report.year] });
}
