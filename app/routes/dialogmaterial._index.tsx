import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Field, FormError, TextAreaField } from "../components/field";
import { formatDateSv } from "../domain/dates";
import { materialSchema } from "../domain/material";
import { NO_PERSONAL_DATA_REMINDER } from "../domain/personal-number";
import { can } from "../domain/permissions";
import { actorOf } from "../models/audit.server";
import { createMaterial, listMaterials, materialVersionTaken } from "../models/material.server";
import { requirePermission, requireUser } from "../services/auth.server";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  return { materials: listMaterials(), canManage: can(user, "manage:catalogue") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:catalogue");
  const submission = parseWithZod(await request.formData(), { schema: materialSchema({ versionTaken: materialVersionTaken }) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  createMaterial(submission.value, actorOf(user));
  return redirect("/dialogmaterial");
}

export default function MaterialCataloguePage() {
  const { materials, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const schema = materialSchema();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
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
