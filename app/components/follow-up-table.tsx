import { Form, Link } from "@remix-run/react";
import { formatDateSv } from "../domain/dates";
import { FOLLOW_UP_STATUS_LABELS, MUNICIPAL_FUNCTION_LABELS, type MunicipalFunction } from "../domain/meeting-vocabulary";
import { ExampleBadge } from "./example-banner";
import { TableScroll } from "./table-scroll";

export type FollowUpRow = {
  id: number;
  what: string;
  dueDate: string;
  status: "open" | "done";
  meetingId?: number;
  meetingDate?: string;
  municipalityCode: string | null;
  municipalityName?: string | null;
  assigneeName: string | null;
  assigneeFunction: MunicipalFunction | null;
  example?: boolean;
};

export function assigneeLabel(row: Pick<FollowUpRow, "assigneeName" | "assigneeFunction">): string {
  if (row.assigneeName) return row.assigneeName;
  if (row.assigneeFunction) return `Kommunen: ${MUNICIPAL_FUNCTION_LABELS[row.assigneeFunction].toLocaleLowerCase("sv")}`;
  return "–";
}

/**
 * Follow-up actions with their state; `canChange` adds a "Markera klar" / "Öppna igen" button and
 * `canEdit` a link to the follow-up's edit page.
 */
export function FollowUpTable({
  rows,
  today,
  canChange,
  canEdit = () => false,
  caption,
  showMeeting = true,
  action = "/uppfoljningar",
}: {
  rows: readonly FollowUpRow[];
  today: string;
  canChange: (row: FollowUpRow) => boolean;
  canEdit?: (row: FollowUpRow) => boolean;
  caption: string;
  showMeeting?: boolean;
  action?: string;
}) {
  if (rows.length === 0) return null;
  return (
    <TableScroll label={caption}>
    <table className="data follow-ups">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Vad</th>
          <th scope="col">Ansvarig</th>
          <th scope="col">Kommun</th>
          <th scope="col">Klart senast</th>
          <th scope="col">Status</th>
          {showMeeting ? <th scope="col">Möte</th> : null}
          <th scope="col">
            <span className="visually-hidden">Åtgärd</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const overdue = r.status === "open" && r.dueDate < today;
          return (
            <tr key={r.id} data-overdue={overdue || undefined}>
              <td>
                {r.what} {r.example ? <ExampleBadge /> : null}
              </td>
              <td>{assigneeLabel(r)}</td>
              <td>{r.municipalityCode ? <Link to={`/kommuner/${r.municipalityCode}`}>{r.municipalityName ?? r.municipalityCode}</Link> : "–"}</td>
              <td>
                {formatDateSv(r.dueDate)}
                {overdue ? <strong className="overdue"> (försenad)</strong> : null}
              </td>
              <td>{FOLLOW_UP_STATUS_LABELS[r.status]}</td>
              {showMeeting ? (
                <td>{r.meetingId ? <Link to={`/moten/${r.meetingId}`}>{r.meetingDate ? formatDateSv(r.meetingDate) : "Mötet"}</Link> : "–"}</td>
              ) : null}
              <td>
                {canChange(r) ? (
                  <Form method="post" action={action} className="inline-form">
                    <input type="hidden" name="intent" value={r.status === "open" ? "done" : "reopen"} />
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="button secondary">
                      {r.status === "open" ? "Markera klar" : "Öppna igen"}
                      <span className="visually-hidden">: {r.what}</span>
                    </button>
                  </Form>
                ) : null}
                {canEdit(r) ? (
                  <Link to={`/uppfoljningar/${r.id}`} className="follow-up-edit">
                    Ändra<span className="visually-hidden">: {r.what}</span>
                  </Link>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
    </TableScroll>
  );
}
