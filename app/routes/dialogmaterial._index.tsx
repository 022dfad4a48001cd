import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Field, FormError, TextAreaField } from "../components/field";
import { RemoveForm } from "../components/remove-form";
import { formatDateSv } from "../domain/dates";
import { deleteMaterialProblem, materialSchema } from "../domain/material";
import { confirmRemovalSchema } from "../domain/meeting";
import { idField } from "../domain/fields";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { can } from "../domain/permissions";
import { actorOf } from "../models/audit.server";
import { createMaterial, deleteMaterial, listMaterials, materialVersionTaken } from "../models/material.server";
import { httpError } from "../services/http.server";
import { requirePermission, requireUser } from "../services/auth.server";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const materials = listMaterials().map((m) => ({ ...m, deleteProblem: deleteMaterialProblem(m, m.meetings) }));
  return { materials, canManage: can(user, "manage:catalogue"), removed: new URL(request.url).searchParams.get("borttaget") === "1" };
}

const removeSchema = confirmRemovalSchema("Kryssa i rutan för att bekräfta att versionen ska tas bort.").extend({ id: idField });

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:catalogue");
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: removeSchema });
    const id = Number(formData.get("id"));
    if (submission.status !== "success") {
      if (submission.error?.id) throw httpError(request, 400, "Okänd version av materialet.");
      return data({ intent: "delete" as const, id, result: submission.reply() }, { status: 400 });
    }
    const outcome = deleteMaterial(submission.value.id, actorOf(user));
    if (!outcome) throw httpError(request, 404, "Versionen finns inte.");
    if ("problem" in outcome) return data({ intent: "delete" as const, id, result: submission.reply({ formErrors: [outcome.problem] }) }, { status: 409 });
    return redirect("/dialogmaterial?borttaget=1");
  }
  const submission = parseWithZod(formData, { schema: materialSchema({ versionTaken: materialVersionTaken }) });
  if (submission.status !== "success") return data({ intent: "create" as const, id: null, result: submission.reply() }, { status: 400 });
  createMaterial(submission.value, actorOf(user));
  return redirect("/dialogmaterial");
}

export default function MaterialCataloguePage() {
  const { materials, canManage, removed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = materialSchema();
  const [form, fields] = useForm({
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <>
      <p className="no-print page-links">
        <Link to="/moten">← Dialogmöten</Link>
        <Link to="/dialogmaterial/anvandning">Hur materialet används</Link>
      </p>
      <h1>Dialogmaterial</h1>
      {removed ? (
        <p className="notice" role="status">
          Versionen är borttagen.
        </p>
      ) : null}
      <p>
        Materialet om hur Försäkringskassan och kommunen kan hjälpa personer i daglig verksamhet mot arbete. När ett möte registreras som
        genomfört anges om materialet användes och vilka avsnitt; det räknas mot den senaste versionen.
      </p>
      {materials.map((m) => (
        <section key={m.id} className="panel" aria-labelledby={`material-${m.id}`}>
          <h2 id={`material-${m.id}`}>
            {m.name}, version {m.version}
          </h2>
          <p className="muted">Från {formatDateSv(m.publishedOn)}</p>
          <ol>
            {m.sections.map((s) => (
              <li key={s.id}>{s.title}</li>
            ))}
          </ol>
          <p className="muted">{m.meetings === 0 ? "Inte använd i något möte ännu." : `Använd i ${m.meetings === 1 ? "ett möte" : `${m.meetings} möten`}.`}</p>
          {canManage && (!m.deleteProblem || (actionData?.intent === "delete" && actionData.id === m.id)) ? (
            <RemoveForm
              formId={`remove-material-${m.id}`}
              headingLevel={3}
              heading={`Ta bort version ${m.version}`}
              explanation="För en version som lades in av misstag och inte har använts i något möte."
              confirmLabel={`Ja, ta bort version ${m.version}`}
              buttonLabel={`Ta bort version ${m.version}`}
              problem={m.deleteProblem}
              hidden={{ id: String(m.id) }}
              lastResult={actionData?.intent === "delete" && actionData.id === m.id ? actionData.result : undefined}
            />
          ) : null}
        </section>
      ))}
      {canManage ? (
        <section aria-labelledby="new-material" className="panel">
          <h2 id="new-material">Ny version</h2>
          <Form method="post" {...getFormProps(form)} className="stack">
            <FormError errors={form.errors} id={form.errorId} />
            <Field meta={fields.name} label="Namn" type="text" maxLength={150} hint={NO_PERSONAL_DATA_REMINDER} />
            <Field meta={fields.version} label="Version" type="number" />
            <Field meta={fields.publishedOn} label="Datum" type="date" />
            <TextAreaField meta={fields.sections} label="Avsnitt" hint="Ett avsnitt per rad." rows={6} />
            <div>
              <button type="submit">Lägg till versionen</button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Dialogmaterial – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
