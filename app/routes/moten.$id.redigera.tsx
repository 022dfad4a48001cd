import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { MeetingForm } from "../components/meeting-form";
import { meetingSchema, transitionProblem } from "../domain/meeting";
import { parseId } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { getMeeting, meetingLookups, updateMeeting } from "../models/meeting.server";
import { requirePermission } from "../services/auth.server";
import { httpError, invariantResponse } from "../services/http.server";
import { meetingFormOptions, toMeetingWrite } from "../services/meeting-form.server";
import { todayInSweden } from "../services/priorities.server";

function loadPlanned(request: Request, idParam: string | undefined) {
  const id = parseId(idParam);
  const meeting = id ? getMeeting(id) : undefined;
  invariantResponse(meeting, "Mötet finns inte.", { request });
  const problem = transitionProblem(meeting, "edit", todayInSweden());
  if (problem) throw httpError(request, 409, problem);
  return meeting;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  requirePermission(request, "manage:meetings");
  const meeting = loadPlanned(request, params.id);
  return {
    id: meeting.id,
    options: meetingFormOptions(),
    defaults: {
      date: meeting.date,
      start: meeting.startTime,
      end: meeting.endTime,
      municipalities: meeting.municipalities.map((m) => m.code),
      forumId: meeting.forum ? String(meeting.forum.id) : "",
      place: meeting.place,
      videoLink: meeting.videoLink,
      format: meeting.format,
      participants: meeting.participants.map((p) => String(p.id)),
      functions: Object.fromEntries(meeting.functions.map((f) => [f.function, String(f.count)])),
      agenda: meeting.agenda,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const meeting = loadPlanned(request, params.id);
  const submission = parseWithZod(await request.formData(), { schema: meetingSchema(meetingLookups()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  updateMeeting(meeting.id, toMeetingWrite(submission.value), actorOf(user));
  return redirect(`/moten/${meeting.id}`);
}

export default function EditMeetingPage() {
  const { id, options, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print page-links">
        <Link to={`/moten/${id}`}>← Tillbaka till mötet</Link>
      </p>
      <h1>Ändra bokningen</h1>
      <MeetingForm options={options} defaults={defaults} lastResult={actionData?.result} submitLabel="Spara ändringarna" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Ändra bokningen – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
