import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { forumSchema } from "../domain/forum";
import { FORUM_KINDS, FORUM_KIND_LABELS } from "../domain/meeting-vocabulary";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { Field, FormError, SelectField } from "./field";

export function ForumForm({
  municipalities,
  defaults,
  lastResult,
  submitLabel,
}: {
  municipalities: readonly { code: string; name: string; countyName: string }[];
  defaults: { name?: string; kind?: string; members?: string[] };
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const schema = forumSchema();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormError errors={form.errors} id={form.errorId} />
      <Field meta={fields.name} label="Namn" type="text" maxLength={120} hint={NO_PERSONAL_DATA_REMINDER} />
      <SelectField
        meta={fields.kind}
        label="Sort"
        placeholder="Välj sort"
        options={FORUM_KINDS.map((k) => ({ value: k, label: FORUM_KIND_LABELS[k] }))}
      />
      <SelectField
        meta={fields.members}
        label="Medlemskommuner"
        hint="Håll ned Ctrl (Cmd på Mac) för att välja flera."
        multiple
        size={10}
        options={municipalities.map((m) => ({ value: m.code, label: `${m.name} (${m.countyName})` }))}
      />
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  );
}
