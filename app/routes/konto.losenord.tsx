import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "../components/field";
import { loginRetryAfterSeconds } from "../domain/login-throttle";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../domain/password-policy";
import { waitSeconds } from "../domain/wording";
import { clearLoginFailures, getLoginFailures, recordPasswordCheckFailure } from "../models/login.server";
import { getPasswordHash, setPassword } from "../models/user.server";
import { actorOf } from "../models/audit.server";
import { requireUser } from "../services/auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { passwordProblem } from "../services/common-passwords.server";
import { knownBrowserFailures, readKnownBrowser, recordKnownBrowserFailure } from "../services/known-browser.server";
import { hashPassword, verifyPassword } from "../services/password.server";

// strict(): a field the form does not have (say role=admin) is refused, not ignored.
const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ required_error: "Ange ditt nuvarande lösenord." }).max(1024),
    newPassword: z
      .string({ required_error: "Ange ett nytt lösenord." })
      .superRefine((value, ctx) => {
        const problem = passwordProblem(value);
        if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      }),
    confirmPassword: z.string({ required_error: "Skriv det nya lösenordet en gång till." }),
  })
  .strict("Formuläret innehöll fält som inte hör dit. Inget har ändrats.")
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Lösenorden är inte likadana.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Det nya lösenordet måste skilja sig från det nuvarande.",
  });

/** The client cannot see the common-password list: it checks length only and leaves the rest to the server. */
const ClientSchema = z.object({
  currentPassword: z.string({ required_error: "Ange ditt nuvarande lösenord." }),
  newPassword: z
    .string({ required_error: "Ange ett nytt lösenord." })
    .refine((v) => [...v].length >= PASSWORD_MIN_LENGTH, `Lösenordet måste ha minst ${PASSWORD_MIN_LENGTH} tecken.`)
    .refine((v) => [...v].length <= PASSWORD_MAX_LENGTH, `Lösenordet får ha högst ${PASSWORD_MAX_LENGTH} tecken.`),
  confirmPassword: z.string({ required_error: "Skriv det nya lösenordet en gång till." }),
});

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { allowPendingPasswordChange: true });
  const done = new URL(request.url).searchParams.get("klart") === "1";
  return { mustChange: user.mustChangePassword, done };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(request, { allowPendingPasswordChange: true });
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  const hidden = { hideFields: ["currentPassword", "newPassword", "confirmPassword"] };
  // Guessing the current password is throttled like signing in: per address, and per account.
  const tooMany = (seconds: number, message: string) =>
    data({ result: submission.reply({ ...hidden, formErrors: [message] }) }, { status: 429, headers: { "Retry-After": String(seconds) } });
  if (context.addressRetryAfter) {
    const seconds = context.addressRetryAfter;
    return tooMany(seconds, `För många felaktiga lösenord från din dator. ${waitSeconds(seconds)} och försök igen.`);
  }
  if (submission.status !== "success") return data({ result: submission.reply(hidden) }, { status: 400 });
  const browser = readKnownBrowser(request);
  const knownBrowser = browser?.userId === user.id ? browser : null;
  const wait = loginRetryAfterSeconds(
    { account: getLoginFailures(user.email), knownBrowser: knownBrowser && { failures: knownBrowserFailures(knownBrowser) } },
    new Date(),
  );
  if (wait > 0) {
    return tooMany(wait, `För många felaktiga lösenord för ditt konto. ${waitSeconds(wait)} och försök igen.`);
  }

  const currentHash = getPasswordHash(user.id);
  if (!currentHash || !(await verifyPassword(currentHash, submission.value.currentPassword))) {
    context.failedPasswordCheck?.();
    if (knownBrowser) recordKnownBrowserFailure(knownBrowser);
    recordPasswordCheckFailure(user);
    return data(
      { result: submission.reply({ ...hidden, fieldErrors: { currentPassword: ["Det nuvarande lösenordet stämmer inte."] } }) },
      { status: 400 },
    );
  }
  const passwordHash = await hashPassword(submission.value.newPassword);
  setPassword(
    user.id,
    { passwordHash, mustChangePassword: false, keepSessionKey: user.sessionKey },
    actorOf(user),
    "user.password_change",
  );
  clearLoginFailures(user.email);
  return redirect("/konto/losenord?klart=1");
}

export default function ChangePasswordPage() {
  const { mustChange, done } = useLoaderData<typeof loader>();
  // A successful change redirects here again: a new location draws the form anew, so the three
  // password fields are empty rather than still holding what was typed.
  const location = useLocation();
  return (
    <div className="narrow">
      <h1>Byt lösenord</h1>
      {done ? (
        <div className="notice" role="status">
          <p>Lösenordet är bytt. Du har loggats ut på alla andra enheter.</p>
          <p>
            <Link to="/">Fortsätt till kartan</Link>
          </p>
        </div>
      ) : null}
      {mustChange ? (
        <p className="notice" role="status">
          Du har fått ett tillfälligt lösenord. Välj ett eget innan du fortsätter.
        </p>
      ) : null}
      <ChangePasswordForm key={location.key} />
    </div>
  );
}

function ChangePasswordForm() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(ClientSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ClientSchema }),
  });
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <FormError errors={form.errors} id={form.errorId} />
      <Field meta={fields.currentPassword} label="Nuvarande lösenord" type="password" autoComplete="current-password" />
      <Field
        meta={fields.newPassword}
        label="Nytt lösenord"
        type="password"
        autoComplete="new-password"
        hint={`Minst ${PASSWORD_MIN_LENGTH} tecken. Gärna en mening av flera ord; alla tecken går bra.`}
      />
      <Field meta={fields.confirmPassword} label="Upprepa det nya lösenordet" type="password" autoComplete="new-password" />
      <div>
        <button type="submit">Byt lösenord</button>
      </div>
    </Form>
  );
}

/** A document answer to a throttled try keeps the action's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = () => [{ title: "Byt lösenord – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
