import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { meetingSchema } from "../domain/meeting";
import { MEETING_FORMATS, MEETING_FORMAT_LABELS, MUNICIPAL_FUNCTIONS, MUNICIPAL_FUNCTION_LABELS } from "../domain/meeting-vocabulary";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { Field, FormError, SelectField, TextAreaField } from "./field";

export type MeetingFormOptions = {
  municipalities: readonly { code: string; name: string; countyName: string }[];
  forums: readonly { id: number; name: string }[];
  users: readonly { id: number; name: string }[];
};

export type MeetingFormDefaults = {
  date?: string;
  start?: string;
  end?: string;
  municipalities?: string[];
  forumId?: string;
  place?: string;
  videoLink?: string;
  format?: string;
  participants?: string[];
  functions?: Record<string, string>;
  agenda?: string;
};

/** The booking form (new meeting and edit): one schema for the browser and the server. */
export function MeetingForm({
  options,
  defaults,
  lastResult,
  submitLabel,
}: {
  options: MeetingFormOptions;
  defaults: MeetingFormDefaults;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const schema = meetingSchema();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const functionFields = fields.functions.getFieldset();
  return (
    <Form method="post" {...getFormProps(form)} className="stack meeting-form">
      <FormError errors={form.errors} id={form.errorId} />
      <div className="field-row">
        <Field meta={fields.date} label="Datum" type="date" />
        <Field meta={fields.start} label="Starttid" type="time" hint="Svensk tid, TT:MM" />
        <Field meta={fields.end} label="Sluttid" type="time" hint="Svensk tid, TT:MM" />
      </div>
      <SelectField
        meta={fields.format}
        label="Mötesform"
        placeholder="Välj mötesform"
        options={MEETING_FORMATS.map((f) => ({ value: f, label: MEETING_FORMAT_LABELS[f] }))}
      />
      <div className="field-row">
        <SelectField
          meta={fields.municipalities}
          label="Kommuner"
          hint="Håll ned Ctrl (Cmd på Mac) för att välja flera."
          multiple
          size={8}
          options={options.municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.countyName})` }))}
        />
        <SelectField
          meta={fields.forumId}
          label="Forum"
          hint="Ett möte med ett forum räknas som dialog med forumets alla medlemmar."
          placeholder="Inget forum"
          options={options.forums.map((f) => ({ value: String(f.id), label: f.name }))}
        />
      </div>
      <div className="field-row">
        <Field meta={fields.place} label="Plats" type="text" maxLength={200} hint={NO_PERSONAL_DATA_REMINDER} />
        <Field meta={fields.videoLink} label="Videolänk" type="url" maxLength={500} hint="Till exempel https://…" />
      </div>
      <SelectField
        meta={fields.participants}
        label="Deltagare från Försäkringskassan"
        hint="Håll ned Ctrl (Cmd på Mac) för att välja flera."
        multiple
        size={5}
        options={options.users.map((u) => ({ value: String(u.id), label: u.name }))}
      />
      <fieldset className="function-counts">
        <legend>Deltagare från kommunen, per funktion (antal, inga namn)</legend>
        <div className="field-row">
          {MUNICIPAL_FUNCTIONS.map((f) => (
            <Field key={f} meta={functionFields[f]!} label={MUNICIPAL_FUNCTION_LABELS[f]} type="number" />
          ))}
        </div>
      </fieldset>
      <TextAreaField meta={fields.agenda} label="Dagordning" rows={5} maxLength={4000} />
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
