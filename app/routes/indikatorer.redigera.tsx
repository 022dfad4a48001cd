import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ExampleBadge } from "../components/example-banner";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";
import { Field, FormError, SelectField } from "../components/field";
import { parseIndicatorCsv } from "../domain/indicators-import";
import {
  formatIndicatorValue,
  INDICATOR_UNIT_LABELS,
  indicatorValueSchema,
  periodLabelSv,
  todayInSweden,
} from "../domain/indicators";
import { parseId } from "../domain/params";
import { actorOf } from "../models/audit.server";
import { deleteIndicatorValue, importIndicatorValues, listIndicators, saveIndicatorValue } from "../models/indicator.server";
import { listCounties } from "../models/register.server";
import { requirePermission } from "../services/auth.server";
import { indicatorOverview } from "../services/indicators.server";

function formContext() {
  const indicators = listIndicators();
  const counties = listCounties();
  return {
    indicators,
    counties,
    schema: indicatorValueSchema({
      indicatorKeys: indicators.map((i) => i.key),
      countyCodes: counties.map((c) => c.code),
      today: todayInSweden(),
    }),
  };
}

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "manage:indicators");
  const overview = indicatorOverview({ raw: true });
  return {
    ...overview,
    counties: listCounties().map((c) => ({ code: c.code, name: c.name })),
  };
}

type ImportOutcome = { ok: true; added: number; changed: number; unchanged: number } | { ok: false; problems: string[] };

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:indicators");
  const actor = actorOf(user);
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "save") {
    const { schema, indicators } = formContext();
    const submission = parseWithZod(formData, {
      schema: schema.superRefine((v, ctx) => {
        const unit = indicators.find((i) => i.key === v.indicator)?.unit;
        if (unit === "people" && !Number.isInteger(v.value)) {
          ctx.addIssue({ code: "custom", path: ["value"], message: "Antal personer ska vara ett heltal." });
        }
        if (v.value < 0) ctx.addIssue({ code: "custom", path: ["value"], message: "Värdet kan inte vara negativt." });
      }),
    });
    if (submission.status !== "success") {
      return data({ result: submission.reply(), message: null, importOutcome: null as ImportOutcome | null }, { status: 400 });
    }
    const v = submission.value;
    const outcome = saveIndicatorValue(
      { indicatorKey: v.indicator, period: v.period, countyCode: v.county, value: v.value, source: v.source, note: v.note },
      actor,
    );
    const name = indicators.find((i) => i.key === v.indicator)?.name ?? v.indicator;
    const message =
      outcome === "unchanged"
        ? `Värdet för ${name}, ${periodLabelSv(v.period)}, var redan sparat. Inget ändrades.`
        : `Värdet för ${name}, ${periodLabelSv(v.period)}, är sparat.`;
    return data({ result: submission.reply({ resetForm: true }), message, importOutcome: null as ImportOutcome | null });
  }

  if (intent === "delete") {
    const id = parseId(String(formData.get("id") ?? ""));
    if (!id || !deleteIndicatorValue(id, actor)) {
      return data({ result: null, message: "Värdet finns inte (det kan redan vara borttaget).", importOutcome: null as ImportOutcome | null }, { status: 404 });
    }
    return data({ result: null, message: "Värdet är borttaget.", importOutcome: null as ImportOutcome | null });
  }

  if (intent === "import") {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return data(
        { result: null, message: null, importOutcome: { ok: false, problems: ["Välj en CSV-fil att importera."] } as ImportOutcome },
        { status: 400 },
      );
    }
    const outcome = importCsv(await file.text(), actor, file.name);
    return data({ result: null, message: null, importOutcome: outcome }, { status: outcome.ok ? 200 : 400 });
  }

  throw new Response("Okänd åtgärd.", { status: 400 });
}

function importCsv(text: string, actor: ReturnType<typeof actorOf>, fileName: string): ImportOutcome {
  const { indicators, counties } = formContext();
  const parsed = parseIndicatorCsv(text, { indicators, counties, today: todayInSweden() });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => p.message) };
  const counts = importIndicatorValues(parsed.rows, actor, { fileName });
  return { ok: true, ...counts };
}

export default function IndicatorEditorPage() {
  const { indicators, values, counties, threshold } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm<{ indicator: string; period: string; county: string; value: string; source: string; note: string }>({
    id: "indicator-value",
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
  });
  const nameOf = new Map(indicators.map((i) => [i.key, i]));
  const importOutcome = actionData?.importOutcome;
  return (
    <>
      <p className="no-print">
        <Link to="/indikatorer">← Indikatorer</Link>
      </p>
      <h1>Ange indikatorvärden</h1>
      <p className="hint">
        Här visas värdena som de är lagrade. Utanför den här sidan visas antal personer under {threshold} som
        &quot;&lt;{threshold}&quot;.
      </p>
      {actionData?.message ? (
        <p className="notice" role="status">
          {actionData.message}
        </p>
      ) : null}

      <h2>Ett värde</h2>
      <Form method="post" {...getFormProps(form)} className="stack indicator-form">
        <input type="hidden" name="intent" value="save" />
        <FormError errors={form.errors} id={form.errorId} />
        <SelectField
          meta={fields.indicator}
          label="Indikator"
          options={[{ value: "", label: "Välj indikator" }, ...indicators.map((i) => ({ value: i.key, label: i.name }))]}
        />
        <Field meta={fields.period} label="Period" type="text" hint="Ett år (2025) eller ett halvår (2025H1, 2025H2)." maxLength={10} />
        <SelectField
          meta={fields.county}
          label="Län"
          options={[{ value: "", label: "Hela riket" }, ...counties.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Field meta={fields.value} label="Värde" type="text" hint="Antal personer som heltal, dagar med högst en decimal." maxLength={20} />
        <Field meta={fields.source} label="Källa" type="text" maxLength={200} />
        <Field meta={fields.note} label="Anteckning" type="text" maxLength={500} />
        <div>
          <button type="submit">Spara värdet</button>
        </div>
      </Form>

      <h2>Importera från CSV-fil</h2>
      <p className="hint">
        En rad per värde med kolumnerna <code>period;län;indikator;värde;källa</code> (en sjätte kolumn,
        anteckning, får finnas). Länet anges med länskod eller namn, tomt för hela riket; indikatorn med sin
        nyckel eller sitt namn. Filen sparas i sin helhet eller inte alls; samma fil två gånger ändrar ingenting.
      </p>
      {importOutcome ? (
        importOutcome.ok ? (
          <p className="notice" role="status">
            Importen är klar: {importOutcome.added} nya, {importOutcome.changed} ändrade och {importOutcome.unchanged}{" "}
            oförändrade värden.
          </p>
        ) : (
          <div className="form-error" role="alert" id="import-errors">
            <p>Filen importerades inte. Inget har sparats. Rätta felen och försök igen:</p>
            <ul>
              {importOutcome.problems.slice(0, 50).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            {importOutcome.problems.length > 50 ? <p>… och {importOutcome.problems.length - 50} fel till.</p> : null}
          </div>
        )
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <input type="hidden" name="intent" value="import" />
        <div className="field">
          <label htmlFor="import-file">CSV-fil</label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={importOutcome && !importOutcome.ok ? "import-errors" : undefined}
          />
        </div>
        <div>
          <button type="submit">Importera</button>
        </div>
      </Form>

      <h2>Lagrade värden</h2>
      <TableScroll label="Lagrade indikatorvärden">
      <table className="data">
        <caption>Alla lagrade indikatorvärden, utan röjandeskydd</caption>
        <thead>
          <tr>
            <th scope="col">Indikator</th>
            <th scope="col">Period</th>
            <th scope="col">Län</th>
            <th scope="col">Värde</th>
            <th scope="col">Källa</th>
            <th scope="col">Anteckning</th>
            <th scope="col">Ta bort</th>
          </tr>
        </thead>
        <tbody>
          {values.map((v) => (
            <tr key={v.id}>
              <td>{nameOf.get(v.indicatorKey)?.name ?? v.indicatorKey}</td>
              <td>{v.period}</td>
              <td>{v.countyName ?? "Hela riket"}</td>
              <td>
                {formatIndicatorValue(v.value)} {INDICATOR_UNIT_LABELS[nameOf.get(v.indicatorKey)?.unit ?? "people"]}
                {v.example ? (
                  <>
                    {" "}
                    <ExampleBadge />
                  </>
                ) : null}
              </td>
              <td>{v.source}</td>
              <td>{v.note}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={v.id} />
                  <button type="submit" className="link-button" aria-label={`Ta bort ${nameOf.get(v.indicatorKey)?.name ?? v.indicatorKey} ${v.period} ${v.countyName ?? "Hela riket"}`}>
                    Ta bort
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Ange indikatorvärden – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
