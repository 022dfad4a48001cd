import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ExampleBadge } from "../components/example-banner";
import { Field, FormError } from "../components/field";
import { formatDateSv, formatPeriodSv } from "../domain/dates";
import { can } from "../domain/permissions";
import { NewRoundSchema, NO_ROUND_YET, periodFromMonths, ROUND_STATUS_LABELS as STATUS_LABELS } from "../domain/round";
import { CATEGORIES, CATEGORY_LABELS } from "../domain/rating";
import { actorOf } from "../models/audit.server";
import { countCategoriesByRound } from "../models/assessment.server";
import { countConfirmedByRound, createRound, listRounds } from "../models/round.server";
import { requirePermission, requireUser } from "../services/auth.server";

const CreateSchema = NewRoundSchema.and(z.object({ intent: z.literal("create") }));
import { CategoryBadge } from "../components/category";
import { TableScroll } from "../components/table-scroll";

export function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const counts = countCategoriesByRound();
  const confirmed = countConfirmedByRound();
  return {
    canManage: can(user, "manage:rounds"),
    rounds: listRounds().map((r) => ({
      ...r,
      counts: counts.get(r.id)!,
      confirmed: confirmed.get(r.id) ?? 0,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requirePermission(request, "manage:rounds");
  const submission = parseWithZod(await request.formData(), { schema: CreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { name, periodStart, periodEnd, dueDate } = submission.value;
  const created = createRound({ name, ...periodFromMonths(periodStart, periodEnd), dueDate }, actorOf(user));
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: { [created.field]: [created.message] } }) }, { status: 400 });
  return redirect(`/kartlaggningar/${created.round.id}`);
}

export default function RoundsPage() {
  const { rounds, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(NewRoundSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateSchema }),
  });
  return (
    <>
      <h1>Kartläggningar</h1>
      {rounds.length >= 2 ? (
        <p className="page-links">
          <Link to="/kartlaggningar/jamfor">Jämför kartläggningar</Link>
        </p>
      ) : null}
      {rounds.length === 0 ? (
        <p>{NO_ROUND_YET}</p>
      ) : (
        <TableScroll label="Kartläggningar">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Kartläggning</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                {CATEGORIES.map((c) => (
                  <th key={c} scope="col">
                    <CategoryBadge category={c} />
                  </th>
                ))}
                <th scope="col">Bekräftade</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/kartlaggningar/${r.id}`}>{r.name}</Link> {r.example ? <ExampleBadge /> : null}
                  </td>
                  <td>
                    {formatPeriodSv(r.periodStart, r.periodEnd)}
                    {r.dueDate ? <div className="muted">Sista dag {formatDateSv(r.dueDate)}</div> : null}
                  </td>
                  <td>{STATUS_LABELS[r.status]}</td>
                  {CATEGORIES.map((c) => (
                    <td key={c}>{r.counts[c]}</td>
                  ))}
                  <td>{r.confirmed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canManage ? (
        <section aria-labelledby="new-round" className="panel">
          <h2 id="new-round">Ny kartläggning</h2>
          <p className="hint">
            Kartläggningen skapas som planerad. Öppna den sedan från dess sida, då kan den förifyllas från föregående kartläggning.
          </p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <input type="hidden" name="intent" value="create" />
            <FormError errors={form.errors} id={form.errorId} />
            <Field meta={fields.name} label="Namn" type="text" maxLength={100} hint="Till exempel Kartläggning 2027." />
            <Field meta={fields.periodStart} label="Periodens första månad" type="month" hint="ÅÅÅÅ-MM, till exempel 2027-02." />
            <Field meta={fields.periodEnd} label="Periodens sista månad (om den är längre än en månad)" type="month" />
            <Field meta={fields.dueDate} label="Sista svarsdag (valfri)" type="date" />
            <div>
              <button type="submit">Skapa kartläggning</button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Kartläggningar – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
