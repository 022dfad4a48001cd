import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Field, FormError, SelectField } from "../components/field";
import { formatDateSv } from "../domain/dates";
import { followUpDraft, followUpSchema } from "../domain/meeting";
import { FOLLOW_UP_STATUS_LABELS, MEETING_FORMAT_LABELS, MUNICIPAL_FUNCTIONS, MUNICIPAL_FUNCTION_LABELS } from "../domain/meeting-vocabulary";
import { parseId } from "../domain/params";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { actorOf } from "../models/audit.server";
import { getFollowUp, getMeeting, listActiveUsers, meetingLookups, meetingReach, updateFollowUp } from "../models/meeting.server";
import { requirePermission } from "../services/auth.server";
import { invariantResponse } from "../services/http.server";

/** The follow-up and the meeting it was agreed at (its municipalities bound whom it may concern). */
function loadFollowUp(request: Request, idParam: string | undefined) {
  const id = parseId(idParam);
  const followUp = id ? getFollowUp(id) : undefined;
  invariantResponse(followUp, "Uppföljningen finns inte.", { request });
  const meeting = getMeeting(followUp.meetingId);
  invariantResponse(meeting, "Mötet finns inte.", { request });
  return { followUp, meeting };
}

/** GET /uppfoljningar/:id: planners and admins change what a follow-up says, who does it and by when. */
export function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, "manage:meetings");
  const { followUp, meeting } = loadFollowUp(request, params.id);
  const reach = [...meeting.municipalities, ...(meeting.forum?.members ?? [])].filter((m, i, all) => all.findIndex((x) => x.code === m.code) === i);
  return {
    followUp: { id: followUp.id, status: followUp.status },
    meeting: {
      id: meeting.id,
      date: meeting.date,
      format: meeting.format,
      who: [...meeting.municipalities.map((m) => m.name), ...(meeting.forum ? [meeting.forum.name] : [])].join(", "),
    },
    defaults: {
      what: followUp.what,
      assignee: followUp.assigneeUserId ? `user:${followUp.assigneeUserId}` : followUp.assigneeFunction ? `function:${followUp.assigneeFunction}` : "",
      due: followUp.dueDate,
      municipality: followUp.municipalityCode ?? "",
    },
    users: listActiveUsers(),
    reach: reach.map((m) => ({ value: m.code, label: m.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const { followUp, meeting } = loadFollowUp(request, params.id);
  const submission = parseWithZod(await request.formData(), {
    schema: followUpSchema({ userIds: meetingLookups().userIds, municipalityCodes: meetingReach(meeting) }),
  });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  updateFollowUp(followUp.id, followUpDraft(submission.value), actorOf(user));
  return redirect(`/moten/${meeting.id}#actions-heading`);
}

export default function FollowUpEditPage() {
  const { followUp, meeting, defaults, users, reach } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = followUpSchema();
  const [form, fields] = useForm({
    id: "follow-up",
    lastResult: actionData?.result,
    defaultValue: defaults,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <p className="no-print page-links">
        <Link to={`/moten/${meeting.id}`}>← Mötet</Link>
        <Link to="/uppfoljningar">Uppföljningar</Link>
      </p>
      <h1>Ändra uppföljningen</h1>
      <p>
        Bestämd vid {MEETING_FORMAT_LABELS[meeting.format].toLocaleLowerCase("sv")} {formatDateSv(meeting.date)} med {meeting.who}. Status:{" "}
        {FOLLOW_UP_STATUS_LABELS[followUp.status].toLocaleLowerCase("sv")}.
      </p>
      <Form method="post" {...getFormProps(form)} className="stack panel">
        <FormError errors={form.errors} id={form.errorId} />
        <Field meta={fields.what} label="Vad ska göras" type="text" maxLength={300} hint={NO_PERSONAL_DATA_REMINDER} />
        <SelectField
          meta={fields.assignee}
          label="Ansvarig"
          hint="En person på Försäkringskassan eller en kommunal funktion."
          placeholder="Välj ansvarig"
          options={[]}
          groups={[
            { label: "Försäkringskassan", options: users.map((u) => ({ value: `user:${u.id}`, label: u.name })) },
            { label: "Kommunal funktion", options: MUNICIPAL_FUNCTIONS.map((f) => ({ value: `function:${f}`, label: MUNICIPAL_FUNCTION_LABELS[f] })) },
          ]}
        />
        <Field meta={fields.due} label="Klart senast" type="date" />
        <SelectField meta={fields.municipality} label="Gäller kommun" placeholder="Alla i mötet" options={reach} />
        <div>
          <button type="submit">Spara uppföljningen</button>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Ändra uppföljningen – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
