import { getCollectionProps, type FieldMetadata } from "@conform-to/react";
import type { Role } from "../domain/permissions";
import { ROLE_LABELS } from "../domain/permissions";

const ROLE_HINTS: Record<Role, string> = {
  admin: "hanterar konton, roller och län, öppnar och stänger kartläggningar, läser loggen",
  manager: "läser allt, öppnar och stänger kartläggningar, läser loggen",
  coordinator: "ändrar bedömningar för kommunerna i sina län",
  planner: "planerar och dokumenterar dialogmöten",
};

/** Role and county checkboxes for the account forms. */
export function UserAccessFields({
  roles,
  countyCodes,
  counties,
}: {
  roles: FieldMetadata<string[] | undefined>;
  countyCodes: FieldMetadata<string[] | undefined>;
  counties: { code: string; name: string }[];
}) {
  return (
    <>
      <fieldset className="checkbox-group" aria-describedby={roles.errors ? roles.errorId : undefined}>
        <legend>Roller</legend>
        {getCollectionProps(roles, { type: "checkbox", options: Object.keys(ROLE_LABELS) }).map((props) => (
          <label key={props.key}>
            <input {...props} key={undefined} />
            <span>
              {ROLE_LABELS[props.value as Role]} <span className="muted">({ROLE_HINTS[props.value as Role]})</span>
            </span>
          </label>
        ))}
        {roles.errors ? (
          <p id={roles.errorId} className="field-error">
            {roles.errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="checkbox-group" aria-describedby={countyCodes.errors ? countyCodes.errorId : undefined}>
        <legend>Län (för samordnare)</legend>
        <div className="field-row">
          {getCollectionProps(countyCodes, { type: "checkbox", options: counties.map((c) => c.code) }).map((props) => (
            <label key={props.key}>
              <input {...props} key={undefined} />
              {counties.find((c) => c.code === props.value)?.name}
            </label>
          ))}
        </div>
        {countyCodes.errors ? (
          <p id={countyCodes.errorId} className="field-error">
            {countyCodes.errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
