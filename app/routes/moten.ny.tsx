import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { MeetingForm } from "../components/meeting-form";
import { meetingSchema } from "../domain/meeting";
import { parseId, parseMunicipalityCode, quoteParam } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { createMeeting, meetingLookups } from "../models/meeting.server";
import { requirePermission } from "../services/auth.server";
import { meetingFormOptions, toMeetingWrite } from "../services/meeting-form.server";
import { todayInSweden } from "../services/priorities.server";

/** Booking a meeting; `?kommun=CODE` (from the priority list) or `?forum=ID` fills in whom. */
export function loader({ request }: LoaderFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const params = new URL(request.url).searchParams;
  const options = meetingFormOptions();
  const notices: string[] = [];
  const code = params.get("kommun");
  const municipality = code ? options.municipalities.find((m) => m.code === parseMunicipalityCode(code)) : undefined;
  if (code && !municipality) notices.push(`Det finns ingen kommun med kommunkoden "${quoteParam(code)}". Välj kommun nedan.`);
  const forumParam = params.get("forum");
  const forum = forumParam ? options.forums.find((f) => f.id === parseId(forumParam)) : undefined;
  if (forumParam && !forum) notices.push("Forumet finns inte. Välj forum nedan.");
  return {
    options,
    notices,
    heading: municipality ? `Boka dialogmöte med ${municipality.name}` : forum ? `Boka möte med ${forum.name}` : "Boka dialogmöte",
    defaults: {
      date: todayInSweden(),
      start: "09:00",
      end: "10:00",
      format: "dialogue",
      municipalities: municipality ? [municipality.code] : [],
      forumId: forum ? String(forum.id) : "",
      participants: [String(user.id)],
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: meetingSchema(meetingLookups()) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const meeting = createMeeting(toMeetingWrite(submission.value), actorOf(user), { plannerId: user.id });
  return redirect(`/moten/${meeting.id}?bokat=1`);
}

export default function NewMeetingPage() {
  const { options, defaults, notices, heading } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <p className="no-print page-links">
        <Link to="/moten">← Alla möten</Link>
        <Link to="/prioriteringar">Prioriterade kommuner</Link>
      </p>
      <h1>{heading}</h1>
      {notices.map((n) => (
        <p key={n} className="form-error" role="alert">
          {n}
        </p>
      ))}
      <MeetingForm options={options} defaults={defaults} lastResult={actionData?.result} submitLabel="Boka mötet" />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Boka dialogmöte – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
