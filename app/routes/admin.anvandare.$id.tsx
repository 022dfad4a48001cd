import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "../components/field";
import { UserAccessFields } from "../components/user-access-fields";
import { countyRule, userAccessShape } from "../domain/user-account";
import { listCounties } from "../models/register.server";
import { getUser, setPassword, setUserActive, updateUser } from "../models/user.server";
import { actorOf } from "../models/audit.server";
import { requirePermission } from "../services/auth.server";
import { generatePassword, hashPassword } from "../services/password.server";
import { errorTitle, GeneralErrorBoundary } from "../components/error-boundary";

const UpdateSchema = z
  .object({ intent: z.literal("update"), ...userAccessShape })
  .strict("Formuläret innehöll fält som inte hör dit. Inget har sparats.")
  .superRefine(countyRule);
const ActiveSchema = z.object({ intent: z.literal("set-active"), active: z.enum(["true", "false"]) }).strict();
const ResetSchema = z.object({ intent: z.literal("reset-password") }).strict();

function loadTarget(params: LoaderFunctionArgs["params"]) {
  const id = /^\d{1,9}$/.test(params.id ?? "") ? Number(params.id) : NaN;
  const user = Number.isNaN(id) ? undefined : getUser(id);
  if (!user) throw new Response("Det finns inget sådant konto.", { status: 404 });
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
  const actor = actorOf(admin);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "update") {
    const counties = new Set(listCounties().map((c) => c.code));
    const submission = parseWithZod(formData, {
      schema: UpdateSchema.superRefine((value, ctx) => {
        if (value.countyCodes.some((c) => !counties.has(c))) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["countyCodes"], message: "Okänt län." });
        }
        // An admin cannot take away their own admin role: someone must always be able to manage accounts.
        if (admin.id === user.id && !value.roles.includes("admin")) {
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["roles"], message: "Du kan inte ta bort din egen administratörsroll." });
        }
      }),
    });
    if (submission.status !== "success") return data({ result: submission.reply(), message: null, temporaryPassword: null }, { status: 400 });
    const { name, roles, countyCodes } = submission.value;
    updateUser(user.id, { name, roles, countyCodes }, actor);
    return data({ result: submission.reply(), message: "Ändringarna är sparade.", temporaryPassword: null });
  }

  if (intent === "set-active") {
    const submission = parseWithZod(formData, { schema: ActiveSchema });
    if (submission.status !== "success") throw new Response("Felaktig begäran.", { status: 400 });
    const active = submission.value.active === "true";
    if (!active && admin.id === user.id) {
      return data({ result: null, message: "Du kan inte avaktivera ditt eget konto.", temporaryPassword: null }, { status: 400 });
    }
    setUserActive(user.id, active, actor);
    return data({
      result: null,
      message: active ? "Kontot är aktiverat igen." : "Kontot är avaktiverat och alla dess inloggningar är avslutade.",
      temporaryPassword: null,
    });
  }

  if (intent === "reset-password") {
    const submission = parseWithZod(formData, { schema: ResetSchema });
    if (submission.status !== "success") throw new Response("Felaktig begäran.", { status: 400 });
    const temporaryPassword = generatePassword();
    setPassword(user.id, { passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true }, actor, "user.password_reset");
    return data({
      result: null,
      message: "Lösenordet är återställt och kontots inloggningar är avslutade.",
      temporaryPassword,
    });
  }

  throw new Response("Okänd åtgärd.", { status: 400 });
}

export default function EditUserPage() {
  const { user, isSelf, counties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: `user-${user.id}`,
    lastResult: actionData?.result,
    defaultValue: { name: user.name, roles: user.roles, countyCodes: user.countyCodes },
    constraint: getZodConstraint(UpdateSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: UpdateSchema }),
  });
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
      <h2>Lösenord</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="reset-password" />
        <p>Ger ett tillfälligt lösenord som måste bytas vid nästa inloggning, och avslutar kontots inloggningar.</p>
        <button type="submit">Återställ lösenord</button>
      </Form>
      {isSelf ? null : (
        <>
          <h2>Konto</h2>
          <Form method="post">
            <input type="hidden" name="intent" value="set-active" />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <p>
              {user.active
                ? "Ett avaktiverat konto kan inte logga in. Det tas aldrig bort: dess historik finns kvar."
                : "Kontot kan logga in igen när det aktiveras."}
            </p>
            <button type="submit">{user.active ? "Avaktivera kontot" : "Aktivera kontot"}</button>
          </Form>
        </>
      )}
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
