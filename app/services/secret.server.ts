import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "./env.server";

export const SECRET_FILE_NAME = "session-secret";

const globalForSecret = globalThis as unknown as { __samverkanSecret?: string };

/**
 * The app's secret (for keyed hashes of session ids, and later calendar tokens): SESSION_SECRET, or a
 * random one generated on first start and kept beside the database file with mode 0600. Never a
 * hard-coded default, and `npm start` still needs no set-up.
 */
export function getAppSecret(): string {
  if (globalForSecret.__samverkanSecret) return globalForSecret.__samverkanSecret;
  const env = getEnv();
  const secret = env.SESSION_SECRET ?? readOrCreateSecretFile(path.join(path.dirname(env.databasePath), SECRET_FILE_NAME));
  globalForSecret.__samverkanSecret = secret;
  return secret;
}

export function readOrCreateSecretFile(file: string): string {
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
    throw new Error(`hemlighetsfilen ${file} är för kort (minst 32 tecken); ta bort den så skapas en ny`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": two processes starting at once never overwrite each other's secret.
    fs.writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readOrCreateSecretFile(file);
    throw error;
  }
  return secret;
}
