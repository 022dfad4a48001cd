import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { RemoveForm } from "../components/remove-form";
import { ForumForm } from "../components/forum-form";
import { MeetingTable } from "../components/meeting-table";
import { deleteForumProblem, forumSchema } from "../domain/forum";
import { confirmRemovalSchema } from "../domain/meeting";
import { FORUM_KIND_LABELS } from "../domain/meeting-vocabulary";
import { can } from "../domain/permissions";
import { parseId } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { countMeetingsOfForum, deleteForum, forumNameTaken, getForum, updateForum } from "../models/forum.server";
import { listMeetings, meetingLookups } from "../models/meeting.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { httpError, invariantResponse } from "../services/http.server";
import { meetingFormOptions } from "../services/meeting-form.server";

function loadForum(request: Request, idParam: string | undefined) {
  const id = parseId(idParam);
  const forum = id ? getForum(id) : undefined;
  invariantResponse(forum, "Forumet finns inte.", { request });
  return forum;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const forum = loadForum(request, params.id);
  const canManage = can(user, "manage:forums");
  const meetings = listMeetings({ forumId: forum.id, limit: 200, order: "desc" });
  return {
    forum,
    canManage,
    canBook: can(user, "manage:meetings"),
    meetings,
    municipalities: canManage ? meetingFormOptions().municipalities : [],
    deleteProblem: deleteForumProblem(countMeetingsOfForum(forum.id)),
  };
}

const confirmDeleteSchema = confirmRemovalSchema("Kryssa i rutan för att bekräfta att forumet ska tas bort.");

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:forums");
  const forum = loadForum(request, params.id);
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: confirmDeleteSchema });
    if (submission.status !== "success") return data({ intent: "delete", result: submission.reply() }, { status: 400 });
    const outcome = deleteForum(forum.id, actorOf(user));
    if (!outcome) throw httpError(request, 404, "Forumet finns inte.");
    if ("problem" in outcome) return data({ intent: "delete", result: submission.reply({ formErrors: [outcome.problem] }) }, { status: 409 });
    return redirect("/forum?borttaget=1");
  }
  const submission = parseWithZod(formData, {
    schema: forumSchema({ municipalityCodes: meetingLookups().municipalityCodes, nameTaken: (n) => forumNameTaken(n, forum.id) }),
  });
  if (submission.status !== "success") return data({ intent: "update", result: submission.reply() }, { status: 400 });
  updateForum(forum.id, { name: submission.value.name, kind: submission.value.kind, memberCodes: submission.value.members }, actorOf(user));
  return redirect(`/forum/${forum.id}`);
}

export default function ForumPage() {
  const { forum, canManage, canBook, meetings, municipalities, deleteProblem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print page-links">
        <Link to="/forum">← Alla forum</Link>
        {canBook ? <Link to={`/moten/ny?forum=${forum.id}`}>Boka möte med forumet</Link> : null}
      </p>
      <h1>
        {forum.name} {forum.example ? <ExampleBadge /> : null}
      </h1>
      <p>{FORUM_KIND_LABELS[forum.kind]}</p>
      <h2>Medlemskommuner ({forum.members.length})</h2>
      <ul className="columns-list">
        {forum.members.map((m) => (
          <li key={m.code}>
            <Link to={`/kommuner/${m.code}`}>{m.name}</Link> <span className="muted">({m.countyName})</span>
          </li>
        ))}
      </ul>
      <h2>Möten</h2>
      {meetings.length === 0 ? <p>Forumet har inga möten ännu.</p> : <MeetingTable rows={meetings} caption="Forumets möten, senaste först" />}
      {canManage ? (
        <section aria-labelledby="edit-forum" className="panel">
          <h2 id="edit-forum">Ändra forumet</h2>
          <ForumForm
            municipalities={municipalities}
            defaults={{ name: forum.name, kind: forum.kind, members: forum.members.map((m) => m.code) }}
            lastResult={actionData?.intent === "update" ? actionData.result : undefined}
            submitLabel="Spara ändringarna"
          />
        </section>
      ) : null}
      {canManage ? (
        <RemoveForm
          heading="Ta bort forumet"
          explanation="För ett forum som lades upp av misstag. Medlemskapen tas bort med forumet; kommunerna finns kvar."
          confirmLabel="Ja, ta bort forumet"
          buttonLabel="Ta bort forumet"
          problem={deleteProblem}
          lastResult={actionData?.intent === "delete" ? actionData.result : undefined}
        />
      ) : null}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.forum.name} – Samverkanskartan` : "Forumet finns inte – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
