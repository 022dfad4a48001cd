import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Field, FormError } from "../components/field";
import { UserAccessFields } from "../components/user-access-fields";
import { emailField } from "../domain/fields";
import { countyRule, userAccessShape } from "../domain/user-account";
import { actorOf } from "../models/audit.server";
import { listCounties } from "../models/register.server";
import { createUser, emailTaken } from "../models/user.server";
import { requirePermission } from "../services/auth.server";
import { generatePassword, hashPassword } from "../services/password.server";

const CreateUserSchema = z
  .object({
    email: emailField,
    ...userAccessShape,
  })
  .strict("Formuläret innehöll fält som inte hör dit. Inget har sparats.")
  .superRefine(countyRule);

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "manage:users");
  return { counties: listCounties().map((c) => ({ code: c.code, name: c.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = requirePermission(request, "manage:users");
  const formData = await request.formData();
  const counties = new Set(listCounties().map((c) => c.code));
  const submission = parseWithZod(formData, {
    schema: CreateUserSchema.superRefine((value, ctx) => {
      if (value.countyCodes.some((c) => !counties.has(c))) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["countyCodes"], message: "Okänt län." });
      }
      if (emailTaken(value.email)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["email"], message: "Det finns redan ett konto med den e-postadressen." });
      }
    }),
  });
  if (submission.status !== "success") return data({ result: submission.reply(), created: null }, { status: 400 });

  // A temporary password, shown once to the admin, that the new user must change at first sign-in.
  const temporaryPassword = generatePassword();
  const user = createUser(
    { ...submission.value, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true },
    actorOf(admin),
  );
  return data({
    result: submission.reply({ resetForm: true }),
    created: { id: user.id, email: user.email, temporaryPassword },
  });
}

export default function NewUserPage() {
  const { counties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(CreateUserSchema),
    // Checked on submit, then again on each change: a message that appeared or went on blur would move
    // the checkboxes under the pointer between press and release, and the click would be lost.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateUserSchema }),
  });
  const created = actionData?.created;
  return (
    <>
      <p className="no-print">
        <Link to="/admin/anvandare">← Alla användare</Link>
      </p>
      <h1>Nytt konto</h1>
      {created ? (
        <div className="notice" role="status">
          <p>
            Kontot för {created.email} är skapat. Tillfälligt lösenord (visas bara nu):{" "}
            <span className="secret" data-testid="temporary-password">
              {created.temporaryPassword}
            </span>
          </p>
          <p>Lämna det till personen på ett säkert sätt. Hen måste byta det vid första inloggningen.</p>
          <p>
            <Link to={`/admin/anvandare/${created.id}`}>Visa kontot</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <FormError errors={form.errors} id={form.errorId} />
        <Field meta={fields.email} label="E-post" type="email" maxLength={254} autoComplete="off" />
        <Field meta={fields.name} label="Namn" type="text" maxLength={100} autoComplete="off" />
        <UserAccessFields roles={fields.roles} countyCodes={fields.countyCodes} counties={counties} />
        <div>
          <button type="submit">Skapa konto</button>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Nytt konto – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
