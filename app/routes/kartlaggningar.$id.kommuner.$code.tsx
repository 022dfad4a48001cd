import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { CategoryBadge } from "../components/category";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { ChoiceField, Field, FormError, TextAreaField } from "../components/field";
import {
  ASSESSMENT_STATUS_LABELS,
  assessmentFormSchema,
  assessmentStatus,
  COLLABORATION_WORDS,
  describeRatings,
  INTERVENTION_ACCESS_WORDS,
  type Ratings,
} from "../domain/assessment";
import { CHANNEL_LABELS, CHANNELS, formatChannels } from "../domain/channels";
import { formatDateTimeSv } from "../domain/dates";
import { parseId, parseMunicipalityCode, quoteParam } from "../domain/params";
import { can, canAnywhere } from "../domain/permissions";
import { categorize, RATING_FIELD_LABELS, COLLABORATION_LABELS, COLLABORATION_LEVELS, INTERVENTION_ACCESS_LABELS, INTERVENTION_ACCESS_LEVELS } from "../domain/rating";
import { ROUND_STATUS_LABELS } from "../domain/round";
import { neighbours, worklistSearch } from "../domain/worklist";
import { actorOf } from "../models/audit.server";
import { getAssessment, getPreviousRatings, saveAssessment, type StoredAssessment } from "../models/assessment.server";
import { getMunicipality } from "../models/register.server";
import { getRound } from "../models/round.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { httpError, invariantResponse } from "../services/http.server";
import { worklistFor } from "../services/worklist.server";

function loadTarget(request: Request, params: LoaderFunctionArgs["params"]) {
  const id = parseId(params.id);
  const round = id ? getRound(id) : undefined;
  invariantResponse(round, `Det finns ingen kartläggning med id "${quoteParam(params.id ?? "")}".`, { request });
  const code = parseMunicipalityCode(params.code);
  const municipality = code ? getMunicipality(code) : undefined;
  invariantResponse(municipality, `Det finns ingen kommun med kommunkoden "${quoteParam(params.code ?? "")}".`, { request });
  return { round, municipality };
}

function previousFor(round: { id: number; name: string; periodStart: string }, code: string) {
  const previous = getPreviousRatings(round, code);
  return previous ? { roundName: previous.roundName, ratings: previous.ratings } : null;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { round, municipality } = loadTarget(request, params);
  const assessment = getAssessment(round.id, municipality.code);
  const mayRate = can(user, "update:rating", { countyCode: municipality.countyCode });
  let nav: { previous: { code: string; name: string } | null; next: { code: string; name: string } | null; position: number; total: number; search: string } | null = null;
  if (mayRate && canAnywhere(user, "update:rating")) {
    const list = worklistFor(request, user, round.id);
    const n = neighbours(list.shown, municipality.code);
    const pick = (m: { code: string; name: string } | null) => m && { code: m.code, name: m.name };
    nav = { previous: pick(n.previous), next: pick(n.next), position: n.position, total: list.shown.length, search: worklistSearch(list.query) };
  }
  return {
    round: { id: round.id, name: round.name, status: round.status, example: round.example },
    municipality,
    assessment,
    previous: previousFor(round, municipality.code),
    canEdit: mayRate && round.status === "open",
    mayRate,
    nav,
  };
}

type Conflict = { current: StoredAssessment | null; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { round, municipality } = loadTarget(request, params);
  const user = requirePermission(request, "update:rating", { municipalityCode: municipality.code });
  const schema = assessmentFormSchema(previousFor(round, municipality.code));
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data({ result: submission.reply(), conflict: null as Conflict | null }, { status: 400 });
  const value = submission.value;
  const save = "collaboration" in value;
  const result = saveAssessment(
    save
      ? { roundId: round.id, code: municipality.code, version: value.version, intent: "save", values: value }
      : { roundId: round.id, code: municipality.code, version: value.version, intent: "confirm" },
    actorOf(user),
  );
  switch (result.kind) {
    case "not_found":
      throw httpError(request, 404, "Kartläggningen finns inte längre.");
    case "round_locked":
      return data({ result: submission.reply({ formErrors: [result.message] }), conflict: null as Conflict | null }, { status: 409 });
    case "conflict": {
      const c = result.current;
      const message = c
        ? `${c.updatedByName ?? "Någon annan"} sparade bedömningen ${formatDateTimeSv(c.updatedAt)}, efter att du öppnade den. Inget av det du skrev har sparats, men det finns kvar i formuläret. Jämför med det som sparades och spara igen om dina uppgifter ska gälla.`
        : "Bedömningen har ändrats sedan du öppnade den. Ladda om sidan.";
      return data({ result: submission.reply({ formErrors: [message] }), conflict: { current: c, message } as Conflict | null }, { status: 409 });
    }
    case "saved":
    case "unchanged": {
      const url = new URL(request.url);
      url.searchParams.delete("sparad");
      const search = url.searchParams.toString();
      const goNext = (value.intent === "save-next" || value.intent === "confirm-next") && value.next;
      if (goNext) {
        return redirect(`/kartlaggningar/${round.id}/kommuner/${value.next}?${search ? `${search}&` : ""}sparad=${municipality.code}`);
      }
      return redirect(`${url.pathname}?${search ? `${search}&` : ""}sparad=${municipality.code}`);
    }
  }
}

function ratingsText(r: Ratings) {
  return `${COLLABORATION_WORDS[r.collaboration]} samverkan, ${INTERVENTION_ACCESS_WORDS[r.interventionAccess]} tillgång`;
}

export default function AssessmentPage() {
  const { round, municipality, assessment, previous, canEdit, mayRate, nav } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const savedCode = searchParams.get("sparad");
  const conflict = actionData?.conflict ?? null;
  const version = conflict ? (conflict.current?.version ?? 0) : (assessment?.version ?? 0);
  const status = assessmentStatus(assessment);
  const schema = assessmentFormSchema(previous);
  const [form, fields] = useForm({
    // Stable per municipality: after a 409 the form keeps what the user typed even when the loader reloads.
    id: `assessment-${municipality.code}`,
    lastResult: actionData?.result,
    defaultValue: assessment
      ? {
          collaboration: assessment.collaboration,
          interventionAccess: assessment.interventionAccess,
          channels: assessment.channels,
          channelOther: assessment.channelOther,
          comment: assessment.comment,
        }
      : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const search = nav?.search ?? "";
  const base = `/kartlaggningar/${round.id}/kommuner`;
  const navigate = useNavigate();
  const previousHref = nav?.previous ? `${base}/${nav.previous.code}${search}` : null;
  const nextHref = nav?.next ? `${base}/${nav.next.code}${search}` : null;
  // Alt+Shift+N / Alt+Shift+P go to the next / previous municipality of the worklist, the same keys in
  // every browser (HTML access keys differ per browser and system, and some headless ones have none).
  // By the key's position (code), so Option+Shift on a Mac, which types a symbol, works too.
  const [shortcuts, setShortcuts] = useState(false);
  useEffect(() => {
    setShortcuts(true);
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const href = e.code === "KeyN" ? nextHref : e.code === "KeyP" ? previousHref : null;
      if (!href) return;
      e.preventDefault();
      navigate(href);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, nextHref, previousHref]);

  return (
    <>
      <p className="no-print page-links">
        <Link to={`${base}${search}`}>← Arbetslistan</Link>
        <Link to={`/kommuner/${municipality.code}`}>Kommunens historik</Link>
      </p>
      {nav ? (
        <nav aria-label="Bläddra i arbetslistan" className="pager no-print">
          {nav.previous ? (
            <Link to={`${base}/${nav.previous.code}${search}`} rel="prev" aria-keyshortcuts="Alt+Shift+P">
              ← Föregående: {nav.previous.name}
            </Link>
          ) : (
            <span className="muted">Första i listan</span>
          )}
          {nav.position ? (
            <span className="pager-position">
              {nav.position} av {nav.total}
            </span>
          ) : null}
          {nav.next ? (
            <Link to={`${base}/${nav.next.code}${search}`} rel="next" aria-keyshortcuts="Alt+Shift+N">
              Nästa: {nav.next.name} →
            </Link>
          ) : (
            <span className="muted">Sista i listan</span>
          )}
          {/* Only once the page's script runs: the keys need it. */}
          {shortcuts && (nav.next || nav.previous) ? (
            <span className="muted shortcut-hint" data-testid="shortcut-hint">
              Snabbtangenter: <kbd>Alt</kbd>+<kbd>Skift</kbd>+<kbd>N</kbd> nästa, <kbd>Alt</kbd>+<kbd>Skift</kbd>+<kbd>P</kbd> föregående
            </span>
          ) : null}
        </nav>
      ) : null}
      <h1>
        {municipality.name} <span className="muted">– {round.name}</span> {round.example ? <ExampleBadge /> : null}
      </h1>
      {savedCode ? (
        <p className="notice" role="status">
          {savedCode === municipality.code ? "Bedömningen är sparad." : "Bedömningen är sparad. Här är nästa kommun i listan."}
        </p>
      ) : null}
      <dl className="facts panel">
        <dt>Län</dt>
        <dd>{municipality.countyName}</dd>
        <dt>Status</dt>
        <dd data-testid="assessment-status">{ASSESSMENT_STATUS_LABELS[status]}</dd>
        {assessment ? (
          <>
            <dt>Senast ändrad</dt>
            <dd>
              {formatDateTimeSv(assessment.updatedAt)}
              {assessment.updatedByName ? ` av ${assessment.updatedByName}` : ""}
            </dd>
          </>
        ) : null}
        <dt>I föregående kartläggning</dt>
        <dd>{previous ? `${previous.roundName}: ${ratingsText(previous.ratings)}` : "Ingen bedömning att jämföra med."}</dd>
      </dl>

      {conflict ? (
        <div className="conflict" role="alert" aria-labelledby="conflict-title">
          <h2 id="conflict-title">Någon annan har sparat samtidigt</h2>
          <p>{conflict.message}</p>
          {conflict.current ? (
            <dl className="facts">
              <dt>Sparat av</dt>
              <dd>{conflict.current.updatedByName ?? "okänd"}</dd>
              <dt>När</dt>
              <dd>{formatDateTimeSv(conflict.current.updatedAt)}</dd>
              <dt>{RATING_FIELD_LABELS.category}</dt>
              <dd>{describeRatings(conflict.current)}</dd>
              <dt>Kanaler</dt>
              <dd>{formatChannels(conflict.current.channels, conflict.current.channelOther) || "–"}</dd>
              <dt>Kommentar</dt>
              <dd>{conflict.current.comment || "–"}</dd>
            </dl>
          ) : null}
        </div>
      ) : null}

      {canEdit ? (
        <Form method="post" {...getFormProps(form)} className="stack assessment-form">
          <input type="hidden" name="version" value={version} />
          {nav?.next ? <input type="hidden" name="next" value={nav.next.code} /> : null}
          {conflict ? null : <FormError errors={form.errors} id={form.errorId} />}
          <ChoiceField
            meta={fields.collaboration}
            legend="Fungerar samverkan med Försäkringskassan?"
            type="radio"
            options={COLLABORATION_LEVELS.map((v) => ({ value: v, label: v === "good" ? "Bra" : "Behöver stärkas" }))}
          />
          <ChoiceField
            meta={fields.interventionAccess}
            legend="Finns tillfredsställande tillgång till insatser för målgruppen?"
            type="radio"
            options={INTERVENTION_ACCESS_LEVELS.map((v) => ({ value: v, label: v === "satisfactory" ? "Tillfredsställande" : "Otillfredsställande" }))}
          />
          <ChoiceField
            meta={fields.channels}
            legend="Var möter Försäkringskassan kommunen?"
            hint="Välj alla som stämmer."
            type="checkbox"
            options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
          />
          <Field meta={fields.channelOther} label="Annat, nämligen" type="text" maxLength={200} />
          <TextAreaField
            meta={fields.comment}
            label="Kommentar"
            maxLength={2000}
            hint={previous ? `Krävs om bedömningen skiljer sig från ${previous.roundName}.` : undefined}
          />
          <div className="actions">
            {nav?.next ? (
              <button type="submit" name="intent" value="save-next">
                Spara och nästa
              </button>
            ) : null}
            <button type="submit" name="intent" value="save" className={nav?.next ? "secondary" : undefined}>
              Spara
            </button>
            {assessment && !assessment.confirmed ? (
              <button type="submit" name="intent" value={nav?.next ? "confirm-next" : "confirm"} className="secondary">
                {nav?.next ? "Bekräfta förifylld oförändrad och gå till nästa" : "Bekräfta förifylld oförändrad"}
              </button>
            ) : null}
          </div>
        </Form>
      ) : (
        <>
          <p className="notice" role="note">
            {!mayRate
              ? "Du kan läsa bedömningen men inte ändra den: bara samordnare för kommunens län och administratörer kan det."
              : `Kartläggningen är ${ROUND_STATUS_LABELS[round.status].toLocaleLowerCase("sv")} och kan inte ändras.`}
          </p>
          {assessment ? (
            <dl className="facts panel" data-testid="assessment-readonly">
              <dt>{RATING_FIELD_LABELS.collaboration}</dt>
              <dd>{COLLABORATION_LABELS[assessment.collaboration]}</dd>
              <dt>{RATING_FIELD_LABELS.interventionAccess}</dt>
              <dd>{INTERVENTION_ACCESS_LABELS[assessment.interventionAccess]}</dd>
              <dt>{RATING_FIELD_LABELS.category}</dt>
              <dd>
                <CategoryBadge category={categorize(assessment.collaboration, assessment.interventionAccess)} />
              </dd>
              <dt>Kanaler</dt>
              <dd>{formatChannels(assessment.channels, assessment.channelOther) || "–"}</dd>
              <dt>Kommentar</dt>
              <dd>{assessment.comment || "–"}</dd>
            </dl>
          ) : (
            <p>Kommunen är inte bedömd i den här kartläggningen.</p>
          )}
        </>
      )}
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.municipality.name}, ${data.round.name} – Samverkanskartan` : "Bedömning – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
