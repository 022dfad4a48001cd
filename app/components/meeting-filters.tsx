import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { MeetingListFilters } from "../domain/meeting-filters";
import { MEETING_FORMATS, MEETING_FORMAT_LABELS, MEETING_STATUSES, MEETING_STATUS_LABELS } from "../domain/meeting-vocabulary";
import { CountySelect } from "./county-select";

/** The filter bar of the meeting list and the calendar (a plain GET form). */
export function MeetingFilterForm({
  filters,
  counties,
  planners,
  children,
}: {
  filters: MeetingListFilters;
  counties: readonly { code: string; name: string }[];
  planners: readonly { id: number; name: string }[];
  children?: ReactNode;
}) {
  const key = JSON.stringify(filters);
  return (
    <Form method="get" className="filters" aria-label="Filtrera möten" key={key}>
      {children}
      <CountySelect counties={counties} value={filters.county} />
      <div className="field">
        <label htmlFor="format">Mötesform</label>
        <select id="format" name="format" defaultValue={filters.format ?? ""}>
          <option value="">Alla former</option>
          {MEETING_FORMATS.map((f) => (
            <option key={f} value={f}>
              {MEETING_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="status">Status</label>
        <select id="status" name="status" defaultValue={filters.status ?? ""}>
          <option value="">Alla</option>
          {MEETING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {MEETING_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="planner">Planerare</label>
        <select id="planner" name="planner" defaultValue={filters.planner ?? ""}>
          <option value="">Alla</option>
          {planners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button type="submit">Visa</button>
      </div>
    </Form>
  );
}
