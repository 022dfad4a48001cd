import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Field, FormError } from "../components/field";
import { emailField } from "../domain/fields";
import { loginRetryAfterSeconds } from "../domain/login-throttle";
import { safeRedirectPath } from "../domain/redirect";
import { getLoginFailures, recordLoginFailure } from "../models/login.server";
import { getCredentials } from "../models/user.server";
import { CHANGE_PASSWORD_PATH, getOptionalUser } from "../services/auth.server";
import {
  clearKnownBrowserFailures,
  knownBrowserCookie,
  knownBrowserFailures,
  readKnownBrowser,
  recordKnownBrowserFailure,
} from "../services/known-browser.server";
import { hashPassword, verifyPassword } from "../services/password.server";
import { destroySession, signIn } from "../services/session.server";
import { waitSeconds } from "../domain/wording";

const LoginSchema = z.object({
  email: emailField,
  // Longer than any allowed password: refused before hashing, so a huge input costs nothing.
  password: z.string({ required_error: "Ange ditt lösenord." }).max(1024, "Fel e-postadress eller lösenord."),
  redirectTo: z.string().max(2000).optional(),
});

const WRONG_CREDENTIALS = "Fel e-postadress eller lösenord.";

/** Verifying against a throwaway hash when the address is unknown makes both answers take as long. */
let timingHash: Promise<string> | undefined;
const dummyHash = () => (timingHash ??= hashPassword("samverkanskartan-timing-equaliser"));

export function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (getOptionalUser(request)) throw redirect(redirectTo);
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  const refuse = (status: number, message: string, headers?: HeadersInit) =>
    data({ result: submission.reply({ formErrors: [message], hideFields: ["password"] }) }, { status, headers });

  if (context.addressRetryAfter) {
    const seconds = context.addressRetryAfter;
    return refuse(
      429,
      `För många misslyckade inloggningar från din dator. ${waitSeconds(seconds)} och försök igen.`,
      { "Retry-After": String(seconds) },
    );
  }
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;

  const credentials = getCredentials(email);
  // A browser that has signed in to this account before is not held up by others' failures (README, Decisions).
  const browser = readKnownBrowser(request);
  const knownBrowser = browser && credentials && browser.userId === credentials.id ? browser : null;
  const wait = loginRetryAfterSeconds(
    { account: getLoginFailures(email), knownBrowser: knownBrowser && { failures: knownBrowserFailures(knownBrowser) } },
    new Date(),
  );
  if (wait > 0) {
    return refuse(
      429,
      `För många misslyckade inloggningar med den här e-postadressen. ${waitSeconds(wait)} och försök igen.`,
      { "Retry-After": String(wait) },
    );
  }

  const passwordOk = await verifyPassword(credentials?.hash ?? (await dummyHash()), password);
  if (!credentials || !passwordOk || !credentials.active) {
    context.failedPasswordCheck?.();
    if (knownBrowser) recordKnownBrowserFailure(knownBrowser);
    recordLoginFailure({
      email,
      userId: credentials?.id ?? null,
      reason: !credentials ? "unknown_email" : !passwordOk ? "wrong_password" : "inactive",
    });
    return refuse(401, WRONG_CREDENTIALS);
  }

  // A session the browser already had is ended: every sign-in gets a new id.
  destroySession(request);
  const { setCookie } = signIn(credentials);
  if (knownBrowser) clearKnownBrowserFailures(knownBrowser);
  const to = credentials.mustChangePassword ? CHANGE_PASSWORD_PATH : safeRedirectPath(redirectTo);
  return redirect(to, {
    headers: [
      ["Set-Cookie", setCookie],
      ["Set-Cookie", knownBrowserCookie(credentials.id, knownBrowser?.browserId)],
    ],
  });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // A refused password is cleared: the field is drawn anew after each answer.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (actionData) setAttempt((n) => n + 1);
  }, [actionData]);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="narrow">
      <h1>Logga in</h1>
      <Form method="post" {...getFormProps(form)} className="stack" aria-describedby={form.errors ? form.errorId : undefined}>
        <FormError errors={form.errors} id={form.errorId} />
        <input {...getInputProps(fields.redirectTo, { type: "hidden" })} key={undefined} value={redirectTo} />
        <Field meta={fields.email} label="E-post" type="email" autoComplete="username" maxLength={254} />
        <Field key={`password-${attempt}`} meta={fields.password} label="Lösenord" type="password" autoComplete="current-password" />
        <div>
          <button type="submit" disabled={navigation.state === "submitting"}>
            Logga in
          </button>
        </div>
      </Form>
      <p className="muted">
        Har du glömt lösenordet? Be en administratör att återställa det.
      </p>
    </div>
  );
}

/** A document answer to a refused sign-in keeps the action's Retry-After. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = () => [{ title: "Logga in – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
