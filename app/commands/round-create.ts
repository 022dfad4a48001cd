/**
 * `npm run round:create -- --name NAME --period YYYY-MM [--period-end YYYY-MM] [--due YYYY-MM-DD] [--open] [--prefill]`
 * Creates a mapping round (planned), optionally opens it, pre-filled from the previous round by period.
 * Prints the new round's id; exits 1 with a one-line reason for a duplicate name, a bad period or a
 * second open round.
 */
import { parseArgs } from "node:util";
import { NewRoundSchema, periodFromMonths } from "../domain/round";
import { createRound, getOpenRound, transitionRound } from "../models/round.server";
import { commandActor, fail, openCommandDatabase } from "./cli";

const COMMAND = "round:create";

let values;
try {
  ({ values } = parseArgs({
    options: {
      name: { type: "string" },
      period: { type: "string" },
      "period-end": { type: "string" },
      due: { type: "string" },
      open: { type: "boolean", default: false },
      prefill: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(COMMAND, (error as Error).message);
}

const parsed = NewRoundSchema.safeParse({
  name: values.name ?? "",
  periodStart: values.period ?? "",
  periodEnd: values["period-end"],
  dueDate: values.due,
});
if (!parsed.success) {
  const option: Record<string, string> = { name: "--name", periodStart: "--period", periodEnd: "--period-end", dueDate: "--due" };
  fail(COMMAND, parsed.error.issues.map((i) => `${option[String(i.path[0])] ?? i.path.join(".")}: ${i.message}`).join(" "));
}
if (values.prefill && !values.open) fail(COMMAND, "--prefill kräver --open (förifyllning sker när kartläggningen öppnas).");

try {
  const db = openCommandDatabase();
  const actor = commandActor(COMMAND);
  const open = values.open ? getOpenRound() : undefined;
  if (open) fail(COMMAND, `${open.name} (id ${open.id}) är redan öppen; bara en kartläggning kan vara öppen åt gången.`);
  const { name, periodStart, periodEnd, dueDate } = parsed.data;
  const created = createRound({ name, ...periodFromMonths(periodStart, periodEnd), dueDate }, actor);
  if (!created.ok) fail(COMMAND, created.message);
  if (values.open) {
    const opened = transitionRound(created.round.id, "open", { actor, prefill: values.prefill });
    if (!opened.ok) fail(COMMAND, `kartläggningen skapades (id ${created.round.id}) men kunde inte öppnas: ${opened.message}`);
    if (opened.prefilledFrom) process.stderr.write(`Förifylld från ${opened.prefilledFrom.name}: ${opened.prefilled} bedömningar.\n`);
  }
  db.$client.close();
  process.stdout.write(`${created.round.id}\n`);
} catch (error) {
  fail(COMMAND, (error as Error).message);
}
