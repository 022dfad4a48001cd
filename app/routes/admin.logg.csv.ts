import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "../domain/csv";
import { auditLinesText, describeAuditChange } from "../domain/audit-format";
import { auditActionLabel, auditEntityLabel, ignoredFiltersText, parseAuditQuery } from "../domain/audit-filter";
import { listAudit, listAuditActors } from "../models/audit.server";
import { listCounties } from "../models/register.server";
import { requirePermission } from "../services/auth.server";
import { fileResponse, httpError } from "../services/http.server";

/**
 * The filtered audit log as CSV for Excel: UTF-8 with BOM, semicolons, formulas neutralised; before
 * and after in the same Swedish words as the page.
 */
export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "read:audit");
  const actorIds = new Set(listAuditActors().map((a) => a.id));
  const { query, problems, ignored } = parseAuditQuery(new URL(request.url).searchParams, { actorIds });
  if (problems.length) throw httpError(request, 400, `${problems.join(" ")} ${ignoredFiltersText(ignored)}`);
  const names = { counties: new Map(listCounties().map((c) => [c.code, c.name])) };
  const entries = listAudit(
    { actorId: query.person, entityType: query.objekt, from: query.fran, to: query.till },
    { limit: 1_000_000, offset: 0 },
  );
  const csv = toCsv(
    ["Tidpunkt (UTC)", "Person", "Händelse", "Objekttyp", "Objekt-id", "Före", "Efter"],
    entries.map((e) => {
      const change = describeAuditChange(e, names);
      return [
        e.at,
        e.actorLabel,
        auditActionLabel(e.action),
        auditEntityLabel(e.entityType),
        e.entityId ?? "",
        auditLinesText(change.before),
        auditLinesText(change.after),
      ];
    }),
  );
  return fileResponse(csv, { kind: "csv", name: ["samverkanskartan", "logg", new Date().toISOString().slice(0, 10)] });
}
