import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { formatDateTimeSv } from "../domain/dates";
import { idField } from "../domain/fields";
import { actorOf } from "../models/audit.server";
import { createSubscription, listSubscriptions, revokeSubscription } from "../models/calendar-subscription.server";
import { requireUser } from "../services/auth.server";
import { baseUrlOf, hashCalendarToken, newCalendarToken } from "../services/calendar.server";
import { httpError } from "../services/http.server";

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create") }),
  z.object({ intent: z.literal("revoke"), id: idField }),
]);

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { subscriptions: listSubscriptions(user.id) };
}

/**
 * Creates a private subscription URL (the token is shown once; only its keyed hash is stored) or
 * revokes one of the user's own.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw httpError(request, 400, "Okänd åtgärd.");
  if (parsed.data.intent === "create") {
    const token = newCalendarToken();
    createSubscription(user.id, hashCalendarToken(token), actorOf(user));
    const { baseUrl } = baseUrlOf(request);
    return data({ created: `${baseUrl}/kalender/${token}.ics`, revoked: false });
  }
  const revoked = revokeSubscription(parsed.data.id, user.id, actorOf(user));
  if (!revoked) throw httpError(request, 404, "Prenumerationen finns inte eller är redan återkallad.");
  return data({ created: null, revoked: true });
}

export default function CalendarSubscriptionPage() {
  const { subscriptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const active = subscriptions.filter((s) => !s.revokedAt);
  return (
    <>
      <p className="no-print page-links">
        <Link to="/moten">← Dialogmöten</Link>
      </p>
      <h1>Prenumerera på dina möten</h1>
      <p>
        En privat adress som Outlook och andra kalendrar kan prenumerera på. Den innehåller de möten du deltar i eller har bokat, med
        svensk tid. Den som har adressen kan se mötena utan att logga in: dela den inte, och återkalla den om den kommit på avvägar.
      </p>
      {actionData?.created ? (
        <div className="notice" role="status">
          <p>Din prenumerationsadress (visas bara nu, spara den i din kalender):</p>
          <p>
            <code className="secret" data-testid="subscription-url">
              {actionData.created}
            </code>
          </p>
          <p>
            I Outlook: Lägg till kalender → Från Internet (eller Prenumerera från webben), och klistra in adressen.
          </p>
        </div>
      ) : null}
      {actionData?.revoked ? (
        <p className="notice" role="status">
          Prenumerationen är återkallad. Adressen fungerar inte längre.
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="create" />
        <button type="submit">Skapa en ny prenumerationsadress</button>
      </Form>
      <h2>Dina prenumerationer</h2>
      {active.length === 0 ? (
        <p>Du har ingen aktiv prenumeration.</p>
      ) : (
        <table className="data">
          <caption>Aktiva prenumerationsadresser</caption>
          <thead>
            <tr>
              <th scope="col">Skapad</th>
              <th scope="col">
                <span className="visually-hidden">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {active.map((s) => (
              <tr key={s.id}>
                <td>{formatDateTimeSv(s.createdAt)}</td>
                <td>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="id" value={s.id} />
                    <button type="submit" className="button secondary">
                      Återkalla<span className="visually-hidden"> prenumerationen skapad {formatDateTimeSv(s.createdAt)}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Kalenderprenumeration – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
