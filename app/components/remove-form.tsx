import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, FormError } from "./field";

/**
 * The one way something is removed (a meeting, a forum, a material version): a panel with what
 * removal means, a confirmation checkbox that must be ticked (the server refuses without it, so it
 * works without JavaScript) and the button; or, when it may not be removed, the reason instead.
 */
export function RemoveForm({
  formId = "remove",
  heading,
  explanation,
  confirmLabel,
  buttonLabel,
  problem,
  lastResult,
  hidden = {},
  headingLevel = 2,
}: {
  formId?: string;
  heading: string;
  explanation: string;
  confirmLabel: string;
  buttonLabel: string;
  /** Why it may not be removed (Swedish), or null. */
  problem: string | null;
  lastResult: SubmissionResult<string[]> | undefined;
  /** Extra hidden fields besides intent=delete (e.g. which version). */
  hidden?: Record<string, string>;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [form, fields] = useForm<{ confirm: string }>({ id: formId, lastResult, shouldValidate: "onSubmit" });
  const headingId = `${formId}-heading`;
  return (
    <section aria-labelledby={headingId} className="panel no-print">
      <Heading id={headingId}>{heading}</Heading>
      {problem ? (
        <p data-testid={`${formId}-problem`}>{problem}</p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="delete" />
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <FormError errors={form.errors} id={form.errorId} />
          <p>{explanation}</p>
          <CheckboxField meta={fields.confirm} label={confirmLabel} required />
          <div>
            <button type="submit" className="button secondary">
              {buttonLabel}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}
