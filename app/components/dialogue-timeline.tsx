import { Link } from "@remix-run/react";
import { formatDateSv } from "../domain/dates";
import { CONTACT_VIA_LABELS, type ContactVia } from "../domain/dialogue-status";
import { MEETING_FORMAT_LABELS, MEETING_STATUS_LABELS, type MeetingFormat, type MeetingStatus } from "../domain/meeting-vocabulary";
import { ExampleBadge } from "./example-banner";

export type TimelineData = {
  today: string;
  canBook: boolean;
  forums: { id: number; name: string }[];
  overdueActions: number;
  more: boolean;
  meetings: {
    id: number;
    date: string;
    startTime: string;
    endTime: string;
    status: MeetingStatus;
    format: MeetingFormat;
    via: ContactVia;
    forumName: string | null;
    materialUsed: boolean;
    sections: string[];
    example: boolean;
  }[];
};

/** A municipality's dialogue: meetings of its own and through its forums, newest first. */
export function DialogueTimeline({ code, name, dialogue }: { code: string; name: string; dialogue: TimelineData }) {
  return (
    <section aria-labelledby="dialogue-heading" className="dialogue-timeline">
      <h2 id="dialogue-heading">Dialog</h2>
      <p className="page-links no-print">
        {dialogue.canBook ? (
          <Link className="button" to={`/moten/ny?kommun=${code}`}>
            Boka dialogmöte med {name}
          </Link>
        ) : null}
        <a href={`/api/v1/meetings?municipality=${code}`}>Mötena som JSON</a>
      </p>
      {dialogue.forums.length ? (
        <p>
          Med i forum:{" "}
          {dialogue.forums.map((f, i) => (
            <span key={f.id}>
              {i > 0 ? ", " : ""}
              <Link to={`/forum/${f.id}`}>{f.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {dialogue.overdueActions > 0 ? (
        <p className="form-error">
          {dialogue.overdueActions} {dialogue.overdueActions === 1 ? "uppföljning har" : "uppföljningar har"} passerat sitt slutdatum.
        </p>
      ) : null}
      {dialogue.meetings.length === 0 ? (
        <p>Ingen dialog ännu.</p>
      ) : (
        <ol className="timeline">
          {dialogue.meetings.map((m) => (
            <li key={m.id} className={`timeline-${m.status}${m.date > dialogue.today ? " timeline-ahead" : ""}`}>
              <Link to={`/moten/${m.id}`}>
                {formatDateSv(m.date)} {m.startTime}–{m.endTime}
              </Link>{" "}
              {MEETING_FORMAT_LABELS[m.format]}, {m.via === "forum" ? `${CONTACT_VIA_LABELS.forum}: ${m.forumName}` : CONTACT_VIA_LABELS.direct} –{" "}
              {MEETING_STATUS_LABELS[m.status].toLocaleLowerCase("sv")}
              {m.status === "held" && m.materialUsed ? `, med dialogmaterialet (${m.sections.join(", ") || "avsnitt ej angivna"})` : ""}
              {m.example ? <> <ExampleBadge /></> : null}
            </li>
          ))}
        </ol>
      )}
      {dialogue.more ? <p className="muted">De 100 senaste mötena visas.</p> : null}
    </section>
  );
}
