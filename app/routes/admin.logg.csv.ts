import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../domain/csv";
import { auditActionLabel, auditEntityLabel, parseAuditQuery } from "../domain/audit-filter";
import { listAudit } from "../models/audit.server";
import { requirePermission } from "../services/auth.server";

/** The filtered audit log as CSV for Excel: UTF-8 with BOM, semicolons, formulas neutralised. */
export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "read:audit");
  const { query, problems } = parseAuditQuery(new URL(request.url).searchParams);
  if (problems.length) return new Response(problems.join(" "), { status: 400 });
  const entries = listAudit(
    { actorId: query.person, entityType: query.objekt, from: query.fran, to: query.till },
    { limit: 1_000_000, offset: 0 },
  );
  const csv = toCsv(
    ["Tidpunkt (UTC)", "Person", "Händelse", "Objekttyp", "Objekt-id", "Före", "Efter"],
    entries.map((e) => [
      e.at,
      e.actorLabel,
      auditActionLabel(e.action),
      auditEntityLabel(e.entityType),
      e.entityId ?? "",
      e.before ?? "",
      e.after ?? "",
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="samverkanskartan-logg-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
