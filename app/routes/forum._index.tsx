import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { ForumForm } from "../components/forum-form";
import { forumSchema } from "../domain/forum";
import { FORUM_KIND_LABELS } from "../domain/meeting-vocabulary";
import { can } from "../domain/permissions";
import { actorOf } from "../models/audit.server";
import { createForum, forumNameTaken, listForums } from "../models/forum.server";
import { meetingLookups } from "../models/meeting.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { meetingFormOptions } from "../services/meeting-form.server";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const canManage = can(user, "manage:forums");
  return {
    forums: listForums(),
    canManage,
    municipalities: canManage ? meetingFormOptions().municipalities : [],
    removed: new URL(request.url).searchParams.get("borttaget") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:forums");
  const submission = parseWithZod(await request.formData(), {
    schema: forumSchema({ municipalityCodes: meetingLookups().municipalityCodes, nameTaken: (n) => forumNameTaken(n) }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const forum = createForum({ name: submission.value.name, kind: submission.value.kind, memberCodes: submission.value.members }, actorOf(user));
  return redirect(`/forum/${forum.id}`);
}

export default function ForumsPage() {
  const { forums, canManage, municipalities, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print page-links">
        <Link to="/moten">← Dialogmöten</Link>
      </p>
      <h1>Forum</h1>
      {removed ? (
        <p className="notice" role="status">
          Forumet är borttaget.
        </p>
      ) : null}
      <p>
        Samordningsförbund, kommunalförbund, nätverk och andra grupper av kommuner. Ett möte med ett forum räknas som dialog med varje
        medlemskommun, men visas skilt från ett direkt möte.
      </p>
      {forums.length === 0 ? (
        <p>Inga forum har lagts upp ännu.</p>
      ) : (
        <table className="data">
          <caption>Alla forum</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">Sort</th>
              <th scope="col">Medlemmar</th>
            </tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.id}>
                <td>
                  <Link to={`/forum/${f.id}`}>{f.name}</Link> {f.example ? <ExampleBadge /> : null}
                </td>
                <td>{FORUM_KIND_LABELS[f.kind]}</td>
                <td>{f.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <section aria-labelledby="new-forum" className="panel">
          <h2 id="new-forum">Nytt forum</h2>
          <ForumForm municipalities={municipalities} defaults={{}} lastResult={actionData?.result} submitLabel="Lägg upp forumet" />
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Forum – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
