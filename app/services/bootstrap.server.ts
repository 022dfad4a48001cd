import { getDb, migrateDatabase } from "../../db/client.server";
import { registerCounties, registerMunicipalities } from "../../data/register";
import { loadRegister } from "../models/register.server";
import { ensureExampleRound } from "../models/round.server";
import { ensureExampleIndicatorValues, ensureIndicatorCatalogue } from "../models/indicator.server";
import { ensureExampleMeetings } from "../models/example-meetings.server";
import { ensureMaterialV1 } from "../models/material.server";
import { createUser, hasAdmin } from "../models/user.server";
import { SYSTEM_ACTOR } from "../models/audit.server";
import { generatePassword, hashPassword } from "./password.server";

export const DEFAULT_ADMIN_EMAIL = "admin@samverkanskartan.local";

type Options = {
  seedExample: boolean;
  adminEmail?: string;
  adminPassword?: string;
  /** Where the one-time generated password goes (the console at start). */
  print?: (line: string) => void;
  /** YYYY-MM-DD the example meetings are planned around (default: today). */
  today?: string;
};

/**
 * Everything a first start needs, safe to run on every start: migrations, the register, the example
 * round (unless switched off) and a first admin account, on the process-wide connection (setDb).
 */
export async function prepareDatabase(options: Options) {
  migrateDatabase(getDb());
  const registerChanges = loadRegister({ counties: registerCounties, municipalities: registerMunicipalities });
  const example = options.seedExample ? ensureExampleRound() : undefined;
  ensureIndicatorCatalogue();
  const exampleIndicators = options.seedExample ? ensureExampleIndicatorValues() : undefined;
  // The dialogue material's first version is reference data: seeded whether or not examples are.
  ensureMaterialV1();
  const exampleMeetings = options.seedExample
    ? ensureExampleMeetings(options.today ?? new Date().toISOString().slice(0, 10))
    : undefined;

  let adminCreated: { email: string; generatedPassword?: string } | undefined;
  if (!hasAdmin()) {
    const email = options.adminEmail ?? DEFAULT_ADMIN_EMAIL;
    const generated = options.adminPassword ? undefined : generatePassword();
    const password = options.adminPassword ?? generated!;
    const passwordHash = await hashPassword(password);
    createUser(
      { email, name: "Administratör", roles: ["admin"], passwordHash, mustChangePassword: !!generated },
      SYSTEM_ACTOR,
    );
    adminCreated = { email, generatedPassword: generated };
    if (generated) {
      options.print?.(
        `Ett administratörskonto har skapats: ${email} med lösenordet ${generated} (visas bara nu; byt det vid första inloggningen).`,
      );
    }
  }
  return {
    registerChanges,
    exampleRoundCreated: example?.created ?? false,
    exampleIndicatorsCreated: exampleIndicators?.created ?? false,
    exampleMeetingsCreated: exampleMeetings?.created ?? false,
    adminCreated,
  };
}
