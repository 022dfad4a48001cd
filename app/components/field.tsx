import { getInputProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";

type InputType = "text" | "email" | "password" | "search" | "date" | "number" | "month";

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

/** A select drawn the same way as Field: label, optional hint, the field's error next to it. */
export function SelectField({
  meta,
  label,
  options,
  hint,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        id={meta.id}
        name={meta.name}
        form={meta.formId}
        defaultValue={typeof meta.initialValue === "string" ? meta.initialValue : ""}
        key={meta.key}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy}
        required={meta.required}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A group of radio buttons or checkboxes in a fieldset with its legend, the error after it (the group
 * is described by the error, each choice is labelled by its text).
 */
export function ChoiceField({
  meta,
  legend,
  type,
  options,
  hint,
}: {
  meta: FieldMetadata<string | string[] | undefined>;
  legend: ReactNode;
  type: "radio" | "checkbox";
  options: readonly { value: string; label: ReactNode }[];
  hint?: ReactNode;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const initial = meta.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  const describedBy = [hintId, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field choice-field" aria-describedby={describedBy} aria-invalid={meta.errors?.length ? true : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      {options.map((option, i) => {
        const id = `${meta.id}-${i}`;
        return (
          <div className="choice" key={`${meta.key ?? ""}-${option.value}`}>
            <input
              type={type}
              id={id}
              name={meta.name}
              value={option.value}
              defaultChecked={selected.has(option.value)}
              form={meta.formId}
            />
            <label htmlFor={id}>{option.label}</label>
          </div>
        );
      })}
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A multi-line text field, drawn like Field. */
export function TextAreaField({
  meta,
  label,
  hint,
  maxLength,
  rows = 4,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  hint?: ReactNode;
  maxLength?: number;
  rows?: number;
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} maxLength={maxLength} rows={rows} />
      {meta.errors?.length ? (
        <p id={meta.errorId} className="field-error">
          {meta.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
