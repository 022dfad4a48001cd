/**
 * `npm run user:create -- --email E --name N --role R [--role R2] [--county 14 ...]`
 * Creates an account for the first users and for scripts. The password is read from standard input
 * (first line), so it never shows in the process list or the shell history:
 *   printf '%s\n' "$PASSWORD" | npm run user:create -- --email anna@example.se --name "Anna" --role admin
 */
import readline from "node:readline";
import { parseArgs } from "node:util";
import { z } from "zod";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { migrateDatabase, openDatabase, setDb } from "../../db/client.server";
import { emailField } from "../domain/fields";
import { countyRule, userAccessShape } from "../domain/user-account";
import { systemActor } from "../models/audit.server";
import { loadRegister } from "../models/register.server";
import { createUser, getUserByEmail } from "../models/user.server";
import { passwordProblem } from "../services/common-passwords.server";
import { getEnv } from "../services/env.server";
import { hashPassword } from "../services/password.server";

function fail(message: string): never {
  process.stderr.write(`user:create: ${message}\n`);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Lösenord (avsluta med Enter): ");
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line.replace(/\r$/, "");
  }
  return "";
}

const ArgsSchema = z
  .object({
    email: emailField,
    ...userAccessShape,
  })
  .superRefine(countyRule);

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        name: { type: "string" },
        role: { type: "string", multiple: true },
        county: { type: "string", multiple: true },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  const parsed = ArgsSchema.safeParse({
    email: values.email,
    name: values.name,
    roles: values.role,
    countyCodes: values.county ?? [],
  });
  if (!parsed.success) {
    const flags: Record<string, string> = { email: "--email", name: "--name", roles: "--role", countyCodes: "--county" };
    fail(parsed.error.issues.map((i) => `${flags[String(i.path[0])] ?? "argument"}: ${i.message}`).join("; "));
  }
  const known = new Set(registerCounties.map((c) => c.code));
  const unknown = parsed.data.countyCodes.filter((c) => !known.has(c));
  if (unknown.length) fail(`okänt län: ${unknown.join(", ")}`);

  const password = await readPassword();
  const problem = passwordProblem(password);
  if (problem) fail(problem);

  const env = getEnv();
  const db = openDatabase(env.databasePath);
  setDb(db);
  migrateDatabase(db);
  loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
  if (getUserByEmail(parsed.data.email)) fail(`det finns redan ett konto med e-postadressen ${parsed.data.email}`);
  const user = createUser(
    { ...parsed.data, passwordHash: await hashPassword(password) },
    systemActor("kommandoraden (user:create)"),
  );
  db.$client.close();
  process.stdout.write(`Kontot ${user.email} (id ${user.id}) är skapat med rollerna ${parsed.data.roles.join(", ")}.\n`);
}

main().catch((error) => fail((error as Error).message));
