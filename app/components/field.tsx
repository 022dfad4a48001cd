import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type InputType = "text" | "email" | "password" | "search" | "date" | "number";

/**
 * The one way a form field is drawn: label, input, hint and the field's error next to it. conform sets
 * aria-invalid and aria-describedby; the typed value stays in the field after a failed submit.
 */
export function Field({
  meta,
  label,
  type,
  hint,
  autoComplete,
  maxLength,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  type: InputType;
  hint?: ReactNode;
  autoComplete?: string;
  maxLength?: number;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const inputProps = getInputProps(meta, { type, ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <input {...inputProps} key={inputProps.key} autoComplete={autoComplete} maxLength={maxLength} />
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormError({ errors, id }: { errors: string[] | undefined; id?: string }) {
  if (!errors?.length) return null;
  return (
    <p className="form-error" role="alert" id={id}>
      {errors.join(" ")}
    </p>
  );
}

/**
 * A single checkbox with its label beside it and its error below: a confirmation ("Ja, …") that a
 * form requires. `required` lets the browser stop an unticked submit even without JavaScript; the
 * server's schema refuses it too.
 */
export function CheckboxField({
  meta,
  label,
  value = "yes",
  required,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  value?: string;
  required?: boolean;
}) {
  const inputProps = getInputProps(meta, { type: "checkbox", value });
  return (
    <div className="field checkbox-field">
      <label>
        <input {...inputProps} key={inputProps.key} required={required} />
        {label}
      </label>
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
