import { getCollectionProps, getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { Field, FormError, TextAreaField } from "../components/field";
import { RemoveForm } from "../components/remove-form";
import { FollowUpTable } from "../components/follow-up-table";
import { formatDateSv } from "../domain/dates";
import {
  cancelSchema,
  confirmRemovalSchema,
  deleteMeetingProblem,
  followUpDrafts,
  postponeSchema,
  recordSchema,
  transitionProblem,
  type MeetingIntent,
} from "../domain/meeting";
import {
  FORUM_KIND_LABELS,
  MEETING_FORMAT_LABELS,
  MEETING_STATUS_LABELS,
  MUNICIPAL_FUNCTIONS,
  MUNICIPAL_FUNCTION_LABELS,
} from "../domain/meeting-vocabulary";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { can } from "../domain/permissions";
import { parseId } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { getCurrentMaterial } from "../models/material.server";
import {
  cancelMeeting,
  deleteMeeting,
  getMeeting,
  listActiveUsers,
  meetingLookups,
  meetingReach,
  postponeMeeting,
  recordMeeting,
  sectionIdsOf,
} from "../models/meeting.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { httpError, invariantResponse } from "../services/http.server";
import { todayInSweden } from "../services/priorities.server";

function loadMeeting(request: Request, idParam: string | undefined) {
  const id = parseId(idParam);
  const meeting = id ? getMeeting(id) : undefined;
  invariantResponse(meeting, "Mötet finns inte.", { request });
  return meeting;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const meeting = loadMeeting(request, params.id);
  const material = getCurrentMaterial();
  const canManage = can(user, "manage:meetings");
  return {
    meeting,
    today: todayInSweden(),
    canManage,
    userId: user.id,
    material: material && { id: material.id, name: material.name, version: material.version, sections: material.sections },
    users: canManage ? listActiveUsers() : [],
    deleteProblem: deleteMeetingProblem(meeting, meeting.actions.length),
    booked: new URL(request.url).searchParams.get("bokat") === "1",
  };
}

const INTENTS = ["record", "cancel", "postpone", "delete"] as const;

const confirmDeleteSchema = confirmRemovalSchema("Kryssa i rutan för att bekräfta att mötet ska tas bort.");

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:meetings");
  const meeting = loadMeeting(request, params.id);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (!(INTENTS as readonly string[]).includes(intent)) throw httpError(request, 400, "Okänd åtgärd.");
  const actor = actorOf(user);
  if (intent === "delete") {
    const submission = parseWithZod(formData, { schema: confirmDeleteSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const outcome = deleteMeeting(meeting.id, actor);
    if (!outcome) throw httpError(request, 404, "Mötet finns inte.");
    if ("problem" in outcome) return data({ intent, result: submission.reply({ formErrors: [outcome.problem] }) }, { status: 409 });
    return redirect("/moten?borttaget=1");
  }
  const today = todayInSweden();
  const problem = transitionProblem(meeting, intent as MeetingIntent, today);
  if (problem) {
    // Said at the top of the page: the form for this step may not even be shown any more.
    return data({ intent: "transition", result: { status: "error", error: { "": [problem] } } as SubmissionResult<string[]> }, { status: 400 });
  }
  if (intent === "record") {
    const material = getCurrentMaterial();
    const lookups = {
      sectionIds: material ? sectionIdsOf(material.id) : new Set<number>(),
      userIds: meetingLookups().userIds,
      municipalityCodes: meetingReach(meeting),
    };
    const submission = parseWithZod(formData, { schema: recordSchema(lookups) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const value = submission.value;
    recordMeeting(
      meeting.id,
      {
        materialId: material?.id ?? null,
        materialUsed: value.materialUsed === "yes",
        sectionIds: value.sectionIds,
        notes: value.notes,
        outcome: value.outcome,
        nextStep: value.nextStep,
        actions: followUpDrafts(value),
      },
      actor,
    );
    return redirect(`/moten/${meeting.id}`);
  }
  if (intent === "cancel") {
    const submission = parseWithZod(formData, { schema: cancelSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    cancelMeeting(meeting.id, actor);
    return redirect(`/moten/${meeting.id}`);
  }
  const submission = parseWithZod(formData, { schema: postponeSchema(meeting, today) });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const moved = postponeMeeting(
    meeting.id,
    { date: submission.value.newDate, startTime: submission.value.newStart, endTime: submission.value.newEnd },
    actor,
  );
  return redirect(`/moten/${moved!.newId}`);
}

function resultFor(actionData: { intent: string; result: SubmissionResult<string[]> } | undefined, intent: string) {
  return actionData?.intent === intent ? actionData.result : undefined;
}

export default function MeetingPage() {
  const { meeting, today, canManage, material, users, booked, userId, deleteProblem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const who = [...meeting.municipalities.map((m) => m.name), ...(meeting.forum ? [meeting.forum.name] : [])].join(", ");
  const canRecord = canManage && !transitionProblem(meeting, "record", today);
  const isPlanned = meeting.status === "planned";
  return (
    <>
      <p className="no-print page-links">
        <Link to="/moten">← Alla möten</Link>
        <a href={`/moten/${meeting.id}/kalender.ics`} download>
          Lägg till i kalendern (.ics)
        </a>
        {canManage && isPlanned ? <Link to={`/moten/${meeting.id}/redigera`}>Ändra bokningen</Link> : null}
      </p>
      <h1>
        {MEETING_FORMAT_LABELS[meeting.format]}: {who} {meeting.example ? <ExampleBadge /> : null}
      </h1>
      {actionData?.intent === "transition" ? <FormError errors={actionData.result.error?.[""] ?? undefined} /> : null}
      {booked ? (
        <p className="notice" role="status">
          Mötet är bokat.
        </p>
      ) : null}
      <dl className="facts panel">
        <dt>Status</dt>
        <dd data-testid="meeting-status">
          {MEETING_STATUS_LABELS[meeting.status]}
          {meeting.status === "postponed" && meeting.postponedTo ? (
            <>
              {" "}
              till {formatDateSv(meeting.postponedTo)}
              {meeting.replacedBy ? (
                <>
                  {" "}
                  (<Link to={`/moten/${meeting.replacedBy}`}>det nya mötet</Link>)
                </>
              ) : null}
            </>
          ) : null}
        </dd>
        <dt>Datum och tid</dt>
        <dd>
          {formatDateSv(meeting.date)}, {meeting.startTime}–{meeting.endTime} (svensk tid)
        </dd>
        <dt>Kommuner</dt>
        <dd>
          {meeting.municipalities.length
            ? meeting.municipalities.map((m, i) => (
                <span key={m.code}>
                  {i > 0 ? ", " : ""}
                  <Link to={`/kommuner/${m.code}`}>{m.name}</Link>
                </span>
              ))
            : "–"}
        </dd>
        <dt>Forum</dt>
        <dd>
          {meeting.forum ? (
            <>
              <Link to={`/forum/${meeting.forum.id}`}>{meeting.forum.name}</Link> ({FORUM_KIND_LABELS[meeting.forum.kind]}, medlemmar:{" "}
              {meeting.forum.members.map((m) => m.name).join(", ") || "inga"})
            </>
          ) : (
            "–"
          )}
        </dd>
        <dt>Plats</dt>
        <dd>{meeting.place || "–"}</dd>
        <dt>Videolänk</dt>
        <dd>{meeting.videoLink ? <a href={meeting.videoLink}>{meeting.videoLink}</a> : "–"}</dd>
        <dt>Från Försäkringskassan</dt>
        <dd>{meeting.participants.map((p) => p.name).join(", ") || "–"}</dd>
        <dt>Från kommunen</dt>
        <dd>
          {meeting.functions.length
            ? meeting.functions.map((f) => `${MUNICIPAL_FUNCTION_LABELS[f.function]}: ${f.count}`).join(", ")
            : "–"}
        </dd>
        <dt>Bokat av</dt>
        <dd>{meeting.planner?.name ?? "–"}</dd>
      </dl>
      {meeting.agenda ? (
        <section>
          <h2>Dagordning</h2>
          <p className="pre-line">{meeting.agenda}</p>
        </section>
      ) : null}
      {meeting.status === "held" ? (
        <section aria-labelledby="record-heading">
          <h2 id="record-heading">Vad som hände</h2>
          <dl className="facts panel">
            <dt>Dialogmaterialet</dt>
            <dd data-testid="material-used">
              {meeting.materialUsed ? `Användes: ${meeting.sections.map((s) => s.title).join(", ") || "inga avsnitt angivna"}` : "Användes inte"}
            </dd>
            <dt>Anteckningar</dt>
            <dd className="pre-line">{meeting.notes || "–"}</dd>
            <dt>Utfall</dt>
            <dd className="pre-line">{meeting.outcome || "–"}</dd>
            <dt>Nästa steg</dt>
            <dd className="pre-line">{meeting.nextStep || "–"}</dd>
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">Uppföljningar</h2>
        {meeting.actions.length === 0 ? <p>Inga uppföljningar har bestämts.</p> : null}
        <FollowUpTable
          caption="Uppföljningar från mötet"
          rows={meeting.actions.map((a) => ({
            ...a,
            municipalityName: meeting.municipalities.find((m) => m.code === a.municipalityCode)?.name ??
              meeting.forum?.members.find((m) => m.code === a.municipalityCode)?.name ??
              null,
          }))}
          today={today}
          showMeeting={false}
          canChange={(r) => canManage || (r as { assigneeUserId?: number | null }).assigneeUserId === userId}
          canEdit={() => canManage}
          action={`/uppfoljningar?tillbaka=/moten/${meeting.id}`}
        />
      </section>
      {canRecord && material ? (
        <RecordForm
          meeting={meeting}
          material={material}
          users={users}
          lastResult={resultFor(actionData, "record")}
        />
      ) : canRecord ? (
        <p>Inget dialogmaterial finns i katalogen ännu.</p>
      ) : null}
      {canManage && isPlanned ? (
        <div className="field-row">
          <PostponeForm meeting={meeting} lastResult={resultFor(actionData, "postpone")} />
          <CancelForm lastResult={resultFor(actionData, "cancel")} />
        </div>
      ) : null}
      {canManage && (meeting.status === "planned" || meeting.status === "cancelled") ? (
        <RemoveForm
          heading="Ta bort mötet"
          explanation={
            isPlanned
              ? "För ett möte som bokades av misstag. Mötet försvinner helt, även ur prenumererade kalendrar. Har deltagarna redan fått mötet som kalenderfil, ställ in det i stället så att det syns som inställt."
              : "För ett möte som bokades av misstag. Det inställda mötet försvinner helt, även ur historiken och prenumererade kalendrar."
          }
          confirmLabel="Ja, ta bort mötet helt"
          buttonLabel="Ta bort mötet"
          problem={deleteProblem}
          lastResult={resultFor(actionData, "delete")}
        />
      ) : null}
    </>
  );
}

type LoadedMeeting = ReturnType<typeof useLoaderData<typeof loader>>["meeting"];

function RecordForm({
  meeting,
  material,
  users,
  lastResult,
}: {
  meeting: LoadedMeeting;
  material: { id: number; name: string; version: number; sections: { id: number; title: string }[] };
  users: { id: number; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const schema = recordSchema();
  const held = meeting.status === "held";
  const [form, fields] = useForm({
    id: "record",
    lastResult,
    defaultValue: {
      materialUsed: held ? (meeting.materialUsed ? "yes" : "no") : undefined,
      sectionIds: meeting.sections.map((s) => String(s.id)),
      notes: meeting.notes,
      outcome: meeting.outcome,
      nextStep: meeting.nextStep,
      actions: [{}, {}, {}],
    },
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const reach = [...meeting.municipalities, ...(meeting.forum?.members ?? [])].filter(
    (m, i, all) => all.findIndex((x) => x.code === m.code) === i,
  );
  const rows = fields.actions.getFieldList();
  return (
    <section aria-labelledby="record-form-heading" className="panel">
      <h2 id="record-form-heading">{held ? "Ändra anteckningar och lägg till uppföljningar" : "Registrera mötet som genomfört"}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="record" />
        <FormError errors={form.errors} id={form.errorId} />
        <fieldset aria-describedby={fields.materialUsed.errors ? fields.materialUsed.errorId : undefined}>
          <legend>
            Användes dialogmaterialet ({material.name}, version {material.version})?
          </legend>
          {(["yes", "no"] as const).map((v) => {
            const props = getInputProps(fields.materialUsed, { type: "radio", value: v });
            return (
              <label key={v} className="checkbox">
                <input {...props} key={props.key} /> {v === "yes" ? "Ja" : "Nej"}
              </label>
            );
          })}
          {fields.materialUsed.errors ? (
            <p id={fields.materialUsed.errorId} className="field-error">
              {fields.materialUsed.errors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={fields.sectionIds.errors ? fields.sectionIds.errorId : undefined}>
          <legend>Vilka avsnitt användes?</legend>
          {getCollectionProps(fields.sectionIds, {
            type: "checkbox",
            options: material.sections.map((s) => String(s.id)),
          }).map((props) => (
            <label key={props.key} className="checkbox">
              <input {...props} key={props.key} /> {material.sections.find((s) => String(s.id) === props.value)?.title}
            </label>
          ))}
          {fields.sectionIds.errors ? (
            <p id={fields.sectionIds.errorId} className="field-error">
              {fields.sectionIds.errors.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <TextAreaField meta={fields.notes} label="Anteckningar" maxLength={4000} />
        <TextAreaField meta={fields.outcome} label="Utfall" maxLength={4000} />
        <TextAreaField meta={fields.nextStep} label="Nästa steg" rows={2} maxLength={2000} />
        <fieldset>
          <legend>Nya uppföljningar (lämna tomma rader tomma)</legend>
          <p className="hint">{NO_PERSONAL_DATA_REMINDER} Ange en ansvarig person på Försäkringskassan eller en kommunal funktion.</p>
          {rows.map((row, i) => {
            const f = row.getFieldset();
            const assignee = getSelectProps(f.assignee);
            const municipality = getSelectProps(f.municipality);
            return (
              <div key={row.key} className="field-row action-row" role="group" aria-label={`Uppföljning ${i + 1}`}>
                <Field meta={f.what} label={`Vad (uppföljning ${i + 1})`} type="text" maxLength={300} />
                <div className="field">
                  <label htmlFor={f.assignee.id}>Ansvarig</label>
                  <select {...assignee} key={assignee.key}>
                    <option value="">Välj ansvarig</option>
                    <optgroup label="Försäkringskassan">
                      {users.map((u) => (
                        <option key={u.id} value={`user:${u.id}`}>
                          {u.name}
                        </option>
                      ))}
                    </optgroup>
                    <optgroup label="Kommunal funktion">
                      {MUNICIPAL_FUNCTIONS.map((fn) => (
                        <option key={fn} value={`function:${fn}`}>
                          {MUNICIPAL_FUNCTION_LABELS[fn]}
                        </option>
                      ))}
                    </optgroup>
                  </select>
                  {f.assignee.errors ? (
                    <p id={f.assignee.errorId} className="field-error">
                      {f.assignee.errors.join(" ")}
                    </p>
                  ) : null}
                </div>
                <Field meta={f.due} label="Klart senast" type="date" />
                <div className="field">
                  <label htmlFor={f.municipality.id}>Gäller kommun</label>
                  <select {...municipality} key={municipality.key}>
                    <option value="">Alla i mötet</option>
                    {reach.map((m) => (
                      <option key={m.code} value={m.code}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                  {f.municipality.errors ? (
                    <p id={f.municipality.errorId} className="field-error">
                      {f.municipality.errors.join(" ")}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </fieldset>
        <div>
          <button type="submit">{held ? "Spara" : "Registrera som genomfört"}</button>
        </div>
      </Form>
    </section>
  );
}

function PostponeForm({ meeting, lastResult }: { meeting: LoadedMeeting; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "postpone",
    lastResult,
    defaultValue: { newDate: "", newStart: meeting.startTime, newEnd: meeting.endTime },
    shouldValidate: "onBlur",
  });
  return (
    <section aria-labelledby="postpone-heading" className="panel">
      <h2 id="postpone-heading">Flytta mötet</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="postpone" />
        <FormError errors={form.errors} id={form.errorId} />
        <Field meta={fields.newDate} label="Nytt datum" type="date" />
        <Field meta={fields.newStart} label="Ny starttid" type="time" />
        <Field meta={fields.newEnd} label="Ny sluttid" type="time" />
        <div>
          <button type="submit">Flytta mötet</button>
        </div>
      </Form>
    </section>
  );
}

function CancelForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form] = useForm({ id: "cancel", lastResult });
  return (
    <section aria-labelledby="cancel-heading" className="panel">
      <h2 id="cancel-heading">Ställ in mötet</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <input type="hidden" name="intent" value="cancel" />
        <FormError errors={form.errors} id={form.errorId} />
        <p>Ett inställt möte finns kvar i historiken men räknas inte som dialog.</p>
        <div>
          <button type="submit" className="button secondary">
            Ställ in mötet
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${MEETING_FORMAT_LABELS[data.meeting.format]} ${data.meeting.date} – Samverkanskartan`
      : "Mötet finns inte – Samverkanskartan",
  },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
