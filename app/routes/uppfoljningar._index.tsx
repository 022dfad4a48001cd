import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { FollowUpTable } from "../components/follow-up-table";
import { idField } from "../domain/fields";
import { can } from "../domain/permissions";
import { safeRedirectPath } from "../domain/redirect";
import { actorOf } from "../models/audit.server";
import { getFollowUp, listFollowUpsForUser, listOverdueFollowUps, setFollowUpStatus } from "../models/meeting.server";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { todayInSweden } from "../services/priorities.server";

const ChangeSchema = z.object({ intent: z.enum(["done", "reopen"]), id: idField });

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const today = todayInSweden();
  const canManage = can(user, "manage:meetings");
  return {
    today,
    userId: user.id,
    canManage,
    mine: listFollowUpsForUser(user.id),
    overdue: canManage ? listOverdueFollowUps(today) : null,
  };
}

/** Marks a follow-up done (or open again): planners and admins, or the person it is assigned to. */
export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request);
  const parsed = ChangeSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw httpError(request, 400, "Okänd åtgärd eller uppföljning.");
  const action = getFollowUp(parsed.data.id);
  if (!action) throw httpError(request, 404, "Uppföljningen finns inte.");
  if (!can(user, "manage:meetings") && action.assigneeUserId !== user.id) {
    throw httpError(request, 403, "Du kan bara ändra uppföljningar som du själv ansvarar för.");
  }
  setFollowUpStatus(action.id, parsed.data.intent === "done" ? "done" : "open", actorOf(user));
  return redirect(safeRedirectPath(new URL(request.url).searchParams.get("tillbaka"), "/uppfoljningar"));
}

export default function FollowUpsPage() {
  const { today, mine, overdue, canManage } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Uppföljningar</h1>
      <p className="page-links no-print">
        <Link to="/kalender">Prenumerera på dina möten i din kalender</Link>
      </p>
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Mina uppföljningar</h2>
        {mine.length === 0 ? <p>Du ansvarar inte för någon uppföljning.</p> : null}
        <FollowUpTable rows={mine} today={today} caption="Uppföljningar som du ansvarar för" canChange={() => true} canEdit={() => canManage} />
      </section>
      {overdue ? (
        <section aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">Försenade uppföljningar ({overdue.length})</h2>
          {overdue.length === 0 ? <p>Inga uppföljningar är försenade.</p> : null}
          <FollowUpTable
            rows={overdue}
            today={today}
            caption="Öppna uppföljningar vars slutdatum har passerat"
            canChange={() => canManage}
            canEdit={() => canManage}
          />
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Uppföljningar – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
