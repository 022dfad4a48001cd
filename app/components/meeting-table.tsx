import { Link } from "@remix-run/react";
import { formatDateSv } from "../domain/dates";
import { MEETING_FORMAT_LABELS, MEETING_STATUS_LABELS, type MeetingFormat, type MeetingStatus } from "../domain/meeting-vocabulary";
import { ExampleBadge } from "./example-banner";
import { TableScroll } from "./table-scroll";

export type MeetingListRow = {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  status: MeetingStatus;
  format: MeetingFormat;
  forumName: string | null;
  municipalityNames: string[];
  materialUsed: boolean;
  example: boolean;
};

export function meetingWho(m: Pick<MeetingListRow, "municipalityNames" | "forumName">): string {
  return [...m.municipalityNames, ...(m.forumName ? [`${m.forumName} (forum)`] : [])].join(", ");
}

export function MeetingTable({ rows, caption }: { rows: readonly MeetingListRow[]; caption: string }) {
  return (
    <TableScroll label={caption}>
    <table className="data meetings">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Datum</th>
          <th scope="col">Tid</th>
          <th scope="col">Med</th>
          <th scope="col">Form</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={`/moten/${m.id}`}>{formatDateSv(m.date)}</Link>
            </td>
            <td>
              {m.startTime}–{m.endTime}
            </td>
            <td>
              {meetingWho(m)} {m.example ? <ExampleBadge /> : null}
            </td>
            <td>{MEETING_FORMAT_LABELS[m.format]}</td>
            <td>
              {MEETING_STATUS_LABELS[m.status]}
              {m.status === "held" && m.materialUsed ? <span className="muted"> (med dialogmaterialet)</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableScroll>
  );
}
