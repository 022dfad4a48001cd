import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { reportFigureRows } from "../domain/report";
import { requireUser } from "../services/auth.server";
import { fileResponse } from "../services/http.server";
import { requireYearReport } from "../services/report-view.server";

/** Every figure of the year's report, one per row, for Excel (UTF-8 with BOM, semicolons, CRLF). */
export function loader({ request, params }: LoaderFunctionArgs) {
  requireUser(request);
  const report = requireYearReport(request, params.year);
  const rows = reportFigureRows(report);
  const csv = Papa.unparse(
    {
      fields: ["Avsnitt", "Mått", "Grupp", "Värde", "Exempeldata"],
      data: rows.map((r) => [r.section, r.measure, r.group, String(r.value), r.example ? "ja" : "nej"]),
    },
    { delimiter: ";", newline: "\r\n", escapeFormulae: true },
  );
  return fileResponse(`${csv}\r\n`, { kind: "csv", name: ["lagesrapport", report.year] });
}
