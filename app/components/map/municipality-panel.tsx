import { Link } from "@remix-run/react";
import type { FormEvent, KeyboardEvent } from "react";
import { CONTACT_VIA_LABELS, DIALOGUE_STATUS_LABELS } from "../../domain/dialogue-status";
import { formatDateSv } from "../../domain/dates";
import { collaborationLabel, interventionAccessLabel, RATING_FIELD_LABELS } from "../../domain/rating";
import type { MapMunicipality } from "../../domain/map-view";
import { CategoryBadge } from "../category";

/**
 * The selected municipality: React renders every value as text, never as HTML. Closing asks for the same
 * view without the selection (a GET form, so it works without script); with script it closes in place,
 * and Esc inside the panel does the same.
 */
export function MunicipalityPanel({
  municipality,
  meetingsRecorded,
  closeTo,
  onClose,
}: {
  municipality: MapMunicipality | null;
  meetingsRecorded: boolean;
  /** The same view without `?municipality=`: the page and its query. */
  closeTo: { pathname: string; params: [string, string][] };
  onClose: () => void;
}) {
  const close = (event: FormEvent) => {
    event.preventDefault();
    onClose();
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key === "Escape" && municipality) {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <section id="vald-kommun" className="municipality-panel" aria-labelledby="panel-title" aria-live="polite" onKeyDown={escape}>
      {municipality ? (
        <>
          <div className="panel-head">
            <h2 id="panel-title">{municipality.name}</h2>
            <form method="get" action={closeTo.pathname} onSubmit={close}>
              {closeTo.params.map(([name, value]) => (
                <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className="close" aria-label={`Stäng ${municipality.name}`}>
                ×
              </button>
            </form>
          </div>
          <dl className="facts">
            <dt>Län</dt>
            <dd>{municipality.countyName}</dd>
            <dt>Kommunkod</dt>
            <dd>{municipality.code}</dd>
            <dt>{RATING_FIELD_LABELS.collaboration}</dt>
            <dd>{collaborationLabel(municipality.collaboration)}</dd>
            <dt>{RATING_FIELD_LABELS.interventionAccess}</dt>
            <dd>{interventionAccessLabel(municipality.interventionAccess)}</dd>
            <dt>{RATING_FIELD_LABELS.category}</dt>
            <dd>
              <CategoryBadge category={municipality.category} />
              {municipality.confirmed === false ? <span className="unconfirmed-note"> (förifylld, ej bekräftad)</span> : null}
            </dd>
            <dt>Kommentar</dt>
            <dd>{municipality.comment ? municipality.comment : <span className="muted">Ingen kommentar</span>}</dd>
            <dt>Förändring</dt>
            <dd className={`change change-${municipality.change.kind}`}>{municipality.change.text}</dd>
            <dt>Dialogstatus</dt>
            <dd>
              {meetingsRecorded ? (
                <>
                  {DIALOGUE_STATUS_LABELS[municipality.dialogue.status]}
                  {municipality.dialogue.lastMeeting ? (
                    <>
                      {" "}
                      · senaste {formatDateSv(municipality.dialogue.lastMeeting)}
                      {municipality.dialogue.lastVia ? ` (${CONTACT_VIA_LABELS[municipality.dialogue.lastVia]})` : null}
                    </>
                  ) : null}
                  {municipality.dialogue.nextMeeting ? (
                    <>
                      {" "}
                      · nästa {formatDateSv(municipality.dialogue.nextMeeting)}
                      {municipality.dialogue.nextVia ? ` (${CONTACT_VIA_LABELS[municipality.dialogue.nextVia]})` : null}
                    </>
                  ) : null}
                </>
              ) : (
                <span className="muted">Dialogmöten registreras inte ännu.</span>
              )}
            </dd>
          </dl>
          <p className="panel-links">
            <Link to={`/kommuner/${municipality.code}`}>Kommunens sida med alla kartläggningar</Link>
            <Link to={`/kommuner/${municipality.code}#dialogue-heading`}>Kommunens dialog, möte för möte</Link>
          </p>
        </>
      ) : (
        <>
          <h2 id="panel-title">Vald kommun</h2>
          <p className="muted">
            Klicka på en kommun i kartan, sök efter den ovan eller välj "Visa" i tabellen för att se dess bedömning.
          </p>
        </>
      )}
    </section>
  );
}
