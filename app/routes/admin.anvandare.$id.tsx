import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, Field, FormError } from "../components/field";
import { UserAccessFields } from "../components/user-access-fields";
import { parseId } from "../domain/params";
import { countyRule, userAccessShape } from "../domain/user-account";
import { actorOf } from "../models/audit.server";
import { listCounties } from "../models/register.server";
import { getUser, setPassword, setUserActive, updateUser } from "../models/user.server";
import { requirePermission } from "../services/auth.server";
import { invariantResponse } from "../services/http.server";
import { generatePassword, hashPassword } from "../services/password.server";
import { errorTitle, GeneralErrorBoundary } from "../components/error-boundary";

const STRICT = "Formuläret innehöll fält som inte hör dit. Inget har sparats.";
/** A confirmation checkbox: only "yes" passes, anything else gets the form's own message. */
const confirmation = (message: string) =>
  z.literal("yes", { errorMap: () => ({ message }) });

const UpdateFields = z.object({ intent: z.literal("update"), ...userAccessShape }).strict(STRICT);
const ActiveFields = z
  .object({
    intent: z.literal("set-active"),
    active: z.enum(["true", "false"]),
    // Deactivating ends the account's sessions: it is confirmed. Activating again needs no confirmation.
    confirm: z.literal("yes").optional(),
  })
  .strict(STRICT);
const ResetFields = z
  .object({
    intent: z.literal("reset-password"),
    confirm: confirmation("Kryssa i rutan för att bekräfta att lösenordet ska återställas."),
  })
  .strict(STRICT);

/** The three things an admin does on this page, told apart by the hidden `intent` field. */
const ActionSchema = z.discriminatedUnion("intent", [UpdateFields, ActiveFields, ResetFields], {
  errorMap: () => ({ message: "Okänd åtgärd. Ladda om sidan och försök igen." }),
});
type Intent = z.infer<typeof ActionSchema>["intent"];

/** The edit form's own schema in the browser (the county list and self-checks are the server's). */
const UpdateSchema = UpdateFields.superRefine(countyRule);
const DEACTIVATE_MESSAGE = "Kryssa i rutan för att bekräfta att kontot ska avaktiveras.";
const ActiveSchema = ActiveFields.superRefine((value, ctx) => {
  if (value.active === "false" && value.confirm !== "yes") {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirm"], message: DEACTIVATE_MESSAGE });
  }
});

function loadTarget(params: LoaderFunctionArgs["params"]) {
  const id = parseId(params.id);
  const user = id === null ? undefined : getUser(id);
  invariantResponse(user, "Det finns inget sådant konto.");
  return user;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const admin = requirePermission(request, "manage:users");
  const user = loadTarget(params);
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      active: user.active,
      roles: user.roles,
      countyCodes: user.countyCodes,
      mustChangePassword: user.mustChangePassword,
    },
    isSelf: admin.id === user.id,
    counties: listCounties().map((c) => ({ code: c.code, name: c.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = requirePermission(request, "manage:users");
  const user = loadTarget(params);
  const formData = await request.formData();
  const requested = formData.get("intent");
  const intent: Intent | null = ActionSchema.optionsMap.has(requested as Intent) ? (requested as Intent) : null;
  const counties = new Set(listCounties().map((c) => c.code));
  const isSelf = admin.id === user.id;

  const submission = parseWithZod(formData, {
    schema: ActionSchema.superRefine((value, ctx) => {
      if (value.intent === "update") {
        countyRule(value, ctx);
        if (value.countyCodes.some((c) => !counties.has(c))) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["countyCodes"], message: "Okänt län." });
        }
        // An admin cannot take away their own admin role: someone must always be able to manage accounts.
        if (isSelf && !value.roles.includes("admin")) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["roles"], message: "Du kan inte ta bort din egen administratörsroll." });
        }
      }
      if (value.intent === "set-active" && value.active === "false") {
        if (isSelf) ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Du kan inte avaktivera ditt eget konto." });
        else if (value.confirm !== "yes") ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["confirm"], message: DEACTIVATE_MESSAGE });
      }
    }),
  });
  if (submission.status !== "success") {
    return data({ intent, result: submission.reply(), message: null, temporaryPassword: null }, { status: 400 });
  }

  const actor = actorOf(admin);
  const value = submission.value;
  switch (value.intent) {
    case "update": {
      updateUser(user.id, { name: value.name, roles: value.roles, countyCodes: value.countyCodes }, actor);
      return data({ intent, result: submission.reply(), message: "Ändringarna är sparade.", temporaryPassword: null });
    }
    case "set-active": {
      const active = value.active === "true";
      setUserActive(user.id, active, actor);
      return data({
        intent,
        result: submission.reply({ resetForm: true }),
        message: active ? "Kontot är aktiverat igen." : "Kontot är avaktiverat och alla dess inloggningar är avslutade.",
        temporaryPassword: null,
      });
    }
    case "reset-password": {
      const temporaryPassword = generatePassword();
      setPassword(user.id, { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true }, actor, "user.password_reset");
      return data({
        intent,
        result: submission.reply({ resetForm: true }),
        message: "Lösenordet är återställt och kontots inloggningar är avslutade.",
        temporaryPassword,
      });
    }
  }
}

export default function EditUserPage() {
  const { user, isSelf, counties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? actionData.result : undefined);
  return (
    <>
      <p className="no-print">
        <Link to="/admin/anvandare">← Alla användare</Link>
      </p>
      <h1>{user.name}</h1>
      <p>
        {user.email} · {user.active ? "Aktivt konto" : "Avaktiverat konto"}
        {user.mustChangePassword ? " · måste byta lösenord vid nästa inloggning" : ""}
      </p>
      {actionData?.message ? (
        <div className="notice" role="status">
          <p>{actionData.message}</p>
          {actionData.temporaryPassword ? (
            <p>
              Tillfälligt lösenord (visas bara nu):{" "}
              <span className="secret" data-testid="temporary-password">
                {actionData.temporaryPassword}
              </span>
            </p>
          ) : null}
        </div>
      ) : null}
      {actionData && actionData.intent === null ? <FormError errors={["Okänd åtgärd. Ladda om sidan och försök igen."]} /> : null}
      {/*
        After another action the edit form starts again from what is stored: a failed save before it
        must not leave its unsaved roles on screen as if they were the account's.
      */}
      <UpdateForm
        key={actionData && actionData.intent !== "update" ? `after-${actionData.intent}` : "update"}
        user={user}
        counties={counties}
        lastResult={resultFor("update")}
      />
      <ResetPasswordForm user={user} lastResult={resultFor("reset-password")} />
      {isSelf ? null : <ActiveForm user={user} lastResult={resultFor("set-active")} />}
    </>
  );
}

type LastResult = SubmissionResult<string[]> | undefined;
type PageUser = ReturnType<typeof useLoaderData<typeof loader>>["user"];

function UpdateForm({ user, counties, lastResult }: { user: PageUser; counties: { code: string; name: string }[]; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: `user-${user.id}-update`,
    lastResult,
    defaultValue: { name: user.name, roles: user.roles, countyCodes: user.countyCodes },
    constraint: getZodConstraint(UpdateSchema),
    // Checked on submit, then again on each change: a message that appeared or went on blur would move
    // the checkboxes under the pointer between press and release, and the click would be lost.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateSchema }),
  });
  return (
    <>
      <h2>Namn, roller och län</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="update" />
        <FormError errors={form.errors} id={form.errorId} />
        <Field meta={fields.name} label="Namn" type="text" maxLength={100} autoComplete="off" />
        <UserAccessFields roles={fields.roles} countyCodes={fields.countyCodes} counties={counties} />
        <div>
          <button type="submit">Spara ändringar</button>
        </div>
      </Form>
    </>
  );
}

function ResetPasswordForm({ user, lastResult }: { user: PageUser; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: `user-${user.id}-reset`,
    lastResult,
    constraint: getZodConstraint(ResetFields),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetFields }),
  });
  return (
    <>
      <h2>Lösenord</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="reset-password" />
        <FormError errors={form.errors} id={form.errorId} />
        <p className="hint">
          Ger ett tillfälligt lösenord som måste bytas vid nästa inloggning, och avslutar kontots inloggningar.
        </p>
        <CheckboxField meta={fields.confirm} label={`Ja, återställ lösenordet för ${user.name}`} required />
        <div>
          <button type="submit" className="button secondary">
            Återställ lösenord
          </button>
        </div>
      </Form>
    </>
  );
}

function ActiveForm({ user, lastResult }: { user: PageUser; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: `user-${user.id}-active-${user.active}`,
    lastResult,
    constraint: getZodConstraint(ActiveFields),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActiveSchema }),
  });
  return (
    <>
      <h2>Konto</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="set-active" />
        <input type="hidden" name="active" value={user.active ? "false" : "true"} />
        <FormError errors={form.errors} id={form.errorId} />
        <p className="hint">
          {user.active
            ? "Ett avaktiverat konto kan inte logga in, och dess inloggningar avslutas genast. Det tas aldrig bort: dess historik finns kvar."
            : "Kontot kan logga in igen när det aktiveras."}
        </p>
        {user.active ? <CheckboxField meta={fields.confirm} label={`Ja, avaktivera kontot för ${user.name}`} required /> : null}
        <div>
          <button type="submit" className="button secondary">
            {user.active ? "Avaktivera kontot" : "Aktivera kontot"}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  {
    title: data
      ? `${data.user.name} – Användare – Samverkanskartan`
      : `${isRouteErrorResponse(error) && error.status === 404 ? "Kontot finns inte" : errorTitle(isRouteErrorResponse(error) ? error.status : 500)} – Samverkanskartan`,
  },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
