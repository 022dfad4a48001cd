import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { TableScroll } from "../components/table-scroll";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge, ExampleBanner } from "../components/example-banner";
import { FormError, TextAreaField } from "../components/field";
import { COLLABORATION_WORDS, INTERVENTION_ACCESS_WORDS } from "../domain/assessment";
import { formatDateSv, formatDateTimeSv, formatPeriodSv } from "../domain/dates";
import { can, canAnywhere } from "../domain/permissions";
import { CATEGORIES, CATEGORY_LABELS } from "../domain/rating";
import { reopenReasonField, ROUND_STATUS_LABELS } from "../domain/round";
import { parseId, quoteParam } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { applyImport, countCategoriesByRound, previewImport, roundProgress } from "../models/assessment.server";
import { getOpenRound, getPreviousRound, getRound, transitionRound } from "../models/round.server";
import { requirePermission, requireUser } from "../services/auth.server";
import { httpError, invariantResponse } from "../services/http.server";
import { decodeImportFile, MAX_IMPORT_BYTES, parseImportFor } from "../services/ratings-import.server";

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), prefill: z.literal("on").optional() }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("reopen"), reason: reopenReasonField }),
]);

const PREVIEW_ROWS = 300;

function loadRound(request: Request, idParam: string | undefined) {
  const id = parseId(idParam);
  const round = id ? getRound(id) : undefined;
  invariantResponse(round, `Det finns ingen kartläggning med id "${quoteParam(idParam ?? "")}".`, { request });
  return round;
}

export function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const round = loadRound(request, params.id);
  const previous = getPreviousRound(round);
  const open = getOpenRound();
  return {
    round,
    previous: previous ? { id: previous.id, name: previous.name, example: previous.example } : null,
    openRound: open && open.id !== round.id ? { id: open.id, name: open.name } : null,
    counts: countCategoriesByRound().get(round.id)!,
    progress: roundProgress(round.id),
    canManage: can(user, "manage:rounds"),
    canReopen: can(user, "reopen:rounds"),
    canRate: canAnywhere(user, "update:rating"),
    ownCounties: can(user, "update:rating") ? null : user.countyCodes,
  };
}

type ImportPreviewData = {
  fileName: string;
  content: string;
  basis: string;
  rows: number;
  skippedRows: number[];
  changed: number;
  changes: { code: string; name: string; before: string; after: string; comment: string | null }[];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = requireUser(request);
  const round = loadRound(request, params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "import-preview" || intent === "import-apply") {
    // Each row is checked against the importer's counties below; here only: may they rate at all?
    if (!canAnywhere(user, "update:rating")) throw httpError(request, 403, "Du har inte behörighet att importera bedömningar.");
    const importer = user;
    let text: string;
    let fileName: string;
    if (intent === "import-preview") {
      const file = formData.get("file");
      if (!(file instanceof File) || file.size === 0) {
        return data({ importProblems: ["Välj en CSV-fil att läsa in."], preview: null, imported: null, result: null }, { status: 400 });
      }
      if (file.size > MAX_IMPORT_BYTES) {
        return data({ importProblems: ["Filen är större än 1 MB. En fil med 290 kommuner är mycket mindre; kontrollera att det är rätt fil."], preview: null, imported: null, result: null }, { status: 400 });
      }
      text = decodeImportFile(new Uint8Array(await file.arrayBuffer()));
      fileName = file.name.slice(0, 200);
    } else {
      text = String(formData.get("content") ?? "");
      fileName = String(formData.get("fileName") ?? "").slice(0, 200);
      if (text.length > MAX_IMPORT_BYTES) throw httpError(request, 413, "Filen är för stor.");
    }
    const parsed = parseImportFor(importer, text);
    if (!parsed.ok) return data({ importProblems: parsed.problems, preview: null, imported: null, result: null }, { status: 400 });
    if (intent === "import-preview") {
      const preview = previewImport(round.id, parsed.rows);
      if (!preview.ok) return data({ importProblems: preview.problems ?? [preview.message], preview: null, imported: null, result: null }, { status: preview.status });
      const words = (c: { collaboration: keyof typeof COLLABORATION_WORDS; interventionAccess: keyof typeof INTERVENTION_ACCESS_WORDS }) =>
        `${COLLABORATION_WORDS[c.collaboration]}, ${INTERVENTION_ACCESS_WORDS[c.interventionAccess]}`;
      const previewData: ImportPreviewData = {
        fileName,
        content: text,
        basis: preview.basis,
        rows: parsed.rows.length,
        skippedRows: parsed.skippedRows,
        changed: preview.changes.length,
        changes: preview.changes.slice(0, PREVIEW_ROWS).map((c) => ({
          code: c.code,
          name: c.name,
          before: c.before ? `${words(c.before)}${c.before.confirmed ? "" : " (ej bekräftad)"}` : "ej bedömd",
          after: words(c.after),
          comment: c.before && c.before.comment === c.after.comment ? null : c.after.comment,
        })),
      };
      return data({ importProblems: null, preview: previewData, imported: null, result: null });
    }
    const applied = applyImport(round.id, parsed.rows, actorOf(importer), { basis: String(formData.get("basis") ?? ""), fileName });
    if (!applied.ok) return data({ importProblems: applied.problems ?? [applied.message], preview: null, imported: null, result: null }, { status: applied.status });
    return data({ importProblems: null, preview: null, imported: { changed: applied.changed, fileName }, result: null });
  }

  const submission = parseWithZod(formData, { schema: ActionSchema });
  if (submission.status !== "success") {
    if (intent === "reopen") requirePermission(request, "reopen:rounds");
    else requirePermission(request, "manage:rounds");
    return data({ result: submission.reply(), importProblems: null, preview: null, imported: null }, { status: 400 });
  }
  const value = submission.value;
  const actor = actorOf(requirePermission(request, value.intent === "reopen" ? "reopen:rounds" : "manage:rounds"));
  const result = transitionRound(round.id, value.intent, {
    actor,
    prefill: value.intent === "open" && value.prefill === "on",
    reason: value.intent === "reopen" ? value.reason : undefined,
  });
  if (!result.ok) {
    return data({ result: submission.reply({ formErrors: [result.message] }), importProblems: null, preview: null, imported: null }, { status: result.status });
  }
  return redirect(`/kartlaggningar/${round.id}`);
}

export default function RoundPage() {
  const { round, previous, openRound, counts, progress, canManage, canReopen, canRate, ownCounties } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [reopenForm, reopenFields] = useForm({
    id: "reopen",
    lastResult: actionData && "result" in actionData && actionData.result?.initialValue?.intent === "reopen" ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
    shouldValidate: "onSubmit",
  });
  const lifecycleErrors =
    actionData?.result && actionData.result.initialValue?.intent !== "reopen" ? (actionData.result.error?.[""] ?? undefined) : undefined;
  const shownCounties = ownCounties ? progress.counties.filter((c) => ownCounties.includes(c.countyCode)) : progress.counties;
  const compareFrom = previous ? `/kartlaggningar/jamfor?fran=${previous.id}&till=${round.id}` : null;

  return (
    <>
      <p className="no-print page-links">
        <Link to="/kartlaggningar">← Alla kartläggningar</Link>
      </p>
      <h1>
        {round.name} {round.example ? <ExampleBadge /> : null}
      </h1>
      {round.example ? <ExampleBanner roundName={round.name} /> : null}
      <dl className="facts panel">
        <dt>Period</dt>
        <dd>{formatPeriodSv(round.periodStart, round.periodEnd)}</dd>
        <dt>Status</dt>
        <dd data-testid="round-status">{ROUND_STATUS_LABELS[round.status]}</dd>
        {round.dueDate ? (
          <>
            <dt>Sista svarsdag</dt>
            <dd>{formatDateSv(round.dueDate)}</dd>
          </>
        ) : null}
        {round.openedAt ? (
          <>
            <dt>Öppnades</dt>
            <dd>{formatDateTimeSv(round.openedAt)}</dd>
          </>
        ) : null}
        {round.closedAt && round.status === "closed" ? (
          <>
            <dt>Avslutades</dt>
            <dd>{formatDateTimeSv(round.closedAt)}</dd>
          </>
        ) : null}
        {round.reopenReason ? (
          <>
            <dt>Öppnades igen för att</dt>
            <dd>{round.reopenReason}</dd>
          </>
        ) : null}
      </dl>

      <nav aria-label="Kartläggningens sidor" className="page-links no-print">
        {canRate && round.status === "open" ? <Link to={`/kartlaggningar/${round.id}/kommuner`}>Arbetslista: bedöm kommuner</Link> : null}
        {canRate && round.status !== "open" ? <Link to={`/kartlaggningar/${round.id}/kommuner`}>Kommunerna i mina län</Link> : null}
        <Link to={`/?round=${round.id}`}>Visa på kartan</Link>
        {compareFrom ? <Link to={compareFrom}>Jämför med {previous!.name}</Link> : null}
        <a href={`/kartlaggningar/${round.id}/bedomningar.csv`} download>
          Exportera bedömningar (CSV)
        </a>
      </nav>

      <h2>Fördelning</h2>
      <ul className="counts">
        {CATEGORIES.map((c) => (
          <li key={c}>
            <span className={`swatch ${c}`} aria-hidden="true" />
            <span>
              {CATEGORY_LABELS[c]}: <strong>{counts[c]}</strong>
            </span>
          </li>
        ))}
      </ul>

      <h2>Framsteg</h2>
      <p data-testid="national-progress">
        <strong>
          {progress.national.confirmed} av {progress.national.total} bekräftade
        </strong>{" "}
        i hela landet ({progress.national.prefilled} förifyllda men ej bekräftade, {progress.national.notStarted} ej påbörjade).
      </p>
      <TableScroll label="Framsteg per län">
        <table className="data">
          <caption>Framsteg per län</caption>
          <thead>
            <tr>
              <th scope="col">Län</th>
              <th scope="col">Bekräftade</th>
              <th scope="col">Förifyllda, ej bekräftade</th>
              <th scope="col">Ej påbörjade</th>
            </tr>
          </thead>
          <tbody>
            {shownCounties.map((c) => (
              <tr key={c.countyCode}>
                <th scope="row">
                  {canRate && (!ownCounties || ownCounties.includes(c.countyCode)) ? (
                    <Link to={`/kartlaggningar/${round.id}/kommuner?lan=${c.countyCode}`}>{c.countyName}</Link>
                  ) : (
                    c.countyName
                  )}
                </th>
                <td>
                  {c.confirmed} av {c.total} bekräftade
                </td>
                <td>{c.prefilled}</td>
                <td>{c.notStarted}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      {canManage || canReopen ? (
        <section aria-labelledby="lifecycle" className="panel no-print">
          <h2 id="lifecycle">Öppna och avsluta</h2>
          <FormError errors={lifecycleErrors ?? undefined} />
          {round.status === "planned" && canManage ? (
            openRound ? (
              <p>
                {openRound.name} är öppen. Avsluta den innan du öppnar den här; bara en kartläggning kan vara öppen åt gången.
              </p>
            ) : (
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="open" />
                {previous ? (
                  <div className="choice">
                    <input type="checkbox" id="prefill" name="prefill" defaultChecked />
                    <label htmlFor="prefill">
                      Förifyll från {previous.name}
                      {previous.example ? " (exempeldata)" : ""}: samordnarna bekräftar eller ändrar i stället för att börja från början.
                    </label>
                  </div>
                ) : (
                  <p className="hint">Det finns ingen tidigare kartläggning att förifylla från.</p>
                )}
                <div>
                  <button type="submit">Öppna kartläggningen</button>
                </div>
              </Form>
            )
          ) : null}
          {round.status === "open" && canManage ? (
            <Form method="post">
              <input type="hidden" name="intent" value="close" />
              <p>När kartläggningen avslutas kan bedömningarna inte längre ändras.</p>
              <button type="submit">Avsluta kartläggningen</button>
            </Form>
          ) : null}
          {round.status === "closed" ? (
            canReopen ? (
              <Form method="post" {...getFormProps(reopenForm)} className="stack">
                <input type="hidden" name="intent" value="reopen" />
                <FormError errors={reopenForm.errors} id={reopenForm.errorId} />
                <TextAreaField meta={reopenFields.reason} label="Varför öppnas kartläggningen igen?" maxLength={500} rows={2} hint="Motiveringen sparas i loggen." />
                <div>
                  <button type="submit">Öppna igen</button>
                </div>
              </Form>
            ) : (
              <p>Kartläggningen är avslutad. Bara en administratör kan öppna den igen.</p>
            )
          ) : null}
        </section>
      ) : null}

      {canRate && round.status === "open" ? <ImportSection roundId={round.id} actionData={actionData} /> : null}
    </>
  );
}

function ImportSection({ actionData }: { roundId: number; actionData: ReturnType<typeof useActionData<typeof action>> }) {
  const preview = actionData && "preview" in actionData ? actionData.preview : null;
  const problems = actionData && "importProblems" in actionData ? actionData.importProblems : null;
  const imported = actionData && "imported" in actionData ? actionData.imported : null;
  return (
    <section aria-labelledby="import" className="panel no-print">
      <h2 id="import">Importera bedömningar från fil</h2>
      {imported ? (
        <p className="notice" role="status">
          {imported.changed === 0
            ? "Importen är klar: inga bedömningar ändrades (filen stämmer redan med kartläggningen)."
            : `Importen är klar: ${imported.changed} ${imported.changed === 1 ? "bedömning ändrades" : "bedömningar ändrades"}.`}
        </p>
      ) : null}
      {problems ? (
        <div className="form-error" role="alert" id="import-problems">
          <p>Inget har importerats. Rätta filen och försök igen:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <div className="import-preview">
          <h3>Förhandsvisning av {preview.fileName || "filen"}</h3>
          <p role="status">
            {preview.rows} rader lästes. {preview.changed === 0 ? "Ingen bedömning ändras." : `${preview.changed} bedömningar ändras eller bekräftas.`}
            {preview.skippedRows.length ? ` ${preview.skippedRows.length} rader utan bedömning hoppas över.` : ""}
          </p>
          {preview.changes.length ? (
            <TableScroll label="Förhandsvisning av importen">
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">Kommun</th>
                    <th scope="col">Nu</th>
                    <th scope="col">Efter import</th>
                    <th scope="col">Kommentar</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.map((c) => (
                    <tr key={c.code}>
                      <td>
                        {c.name} <span className="muted">{c.code}</span>
                      </td>
                      <td>{c.before}</td>
                      <td>{c.after}</td>
                      <td>{c.comment ?? <span className="muted">oförändrad</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          {preview.changed > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="import-apply" />
              <input type="hidden" name="content" value={preview.content} />
              <input type="hidden" name="basis" value={preview.basis} />
              <input type="hidden" name="fileName" value={preview.fileName} />
              <button type="submit">Importera {preview.changed} bedömningar</button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="import-preview" />
        <div className="field">
          <label htmlFor="import-file">CSV-fil</label>
          <p className="hint" id="import-file-hint">
            En rubrikrad med kommunkod, samverkan och tillgång (och gärna kommentar); semikolon eller komma. Värden: bra / behöver stärkas
            och tillfredsställande / otillfredsställande. Du får se ändringarna innan något sparas; en felaktig rad stoppar hela importen.
          </p>
          <input
            type="file"
            id="import-file"
            name="file"
            accept=".csv,text/csv"
            aria-describedby={problems ? "import-file-hint import-problems" : "import-file-hint"}
            aria-invalid={problems ? true : undefined}
          />
        </div>
        <div>
          <button type="submit">Förhandsgranska import</button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.round.name} – Samverkanskartan` : "Kartläggningen finns inte – Samverkanskartan" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
