import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import type { ReactNode } from "react";

type InputType = "text" | "email" | "password" | "search" | "date" | "number" | "time" | "url" | "month";

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
  meta: FieldMetadata<string | number | undefined>;
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
      <FieldHint id={hintId} hint={hint} />
      <input {...inputProps} key={inputProps.key} autoComplete={autoComplete} maxLength={maxLength} />
      <FieldError meta={meta} />
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
 * A free-text field (notes, agenda, outcome…): a textarea with the reminder that the app holds no
 * personal data, and the field's error next to it.
 */
export function TextAreaField({
  meta,
  label,
  rows = 4,
  maxLength,
  hint,
}: {
  meta: FieldMetadata<string | undefined>;
  label: ReactNode;
  rows?: number;
  maxLength?: number;
  hint?: ReactNode;
}) {
  const hintId = `${meta.id}-hint`;
  const props = getTextareaProps(meta, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <p id={hintId} className="hint">
        {hint ? <>{hint} </> : null}
        {NO_PERSONAL_DATA_REMINDER}
      </p>
      <textarea {...props} key={props.key} rows={rows} maxLength={maxLength} />
      <FieldError meta={meta} />
    </div>
  );
}

/** A select (single or multiple) drawn like every other field. */
export function SelectField({
  meta,
  label,
  options,
  hint,
  multiple,
  size,
  placeholder,
  groups,
}: {
  meta: FieldMetadata<string | string[] | number | number[] | undefined>;
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  multiple?: boolean;
  size?: number;
  /** An empty first option, e.g. "Inget forum". */
  placeholder?: string;
  /** Options in labelled groups (drawn after `options`). */
  groups?: readonly { label: string; options: readonly { value: string; label: string }[] }[];
}) {
  const hintId = hint ? `${meta.id}-hint` : undefined;
  const props = getSelectProps(meta as FieldMetadata<string | string[] | undefined>, { ariaDescribedBy: hintId });
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <FieldHint id={hintId} hint={hint} />
      <select {...props} key={props.key} multiple={multiple} size={size}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError meta={meta} />
    </div>
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
      <FieldError meta={meta} />
    </div>
  );
}

/** A field's hint, referenced by the input's aria-describedby. */
function FieldHint({ id, hint }: { id: string | undefined; hint: ReactNode }) {
  if (!hint) return null;
  return (
    <p id={id} className="hint">
      {hint}
    </p>
  );
}

/** A field's error, next to it; conform points the input's aria-describedby here. */
function FieldError({ meta }: { meta: { errorId: string; errors?: string[] } }) {
  if (!meta.errors?.length) return null;
  return (
    <p id={meta.errorId} className="field-error">
      {meta.errors.join(" ")}
    </p>
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

