import fs from "node:fs";
import path from "node:path";
import { checkPassword, PASSWORD_MESSAGES } from "../domain/password-policy";

const LIST_FILE = path.resolve(process.cwd(), "data/common-passwords.txt");

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!list) {
    list = new Set(
      fs
        .readFileSync(LIST_FILE, "utf8")
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => line.normalize("NFC")),
    );
  }
  return list;
}

/** The Swedish reason a password is refused, or null when it meets the policy. */
export function passwordProblem(password: string): string | null {
  const problem = checkPassword(password, (normalized) => commonPasswords().has(normalized));
  return problem ? PASSWORD_MESSAGES[problem] : null;
}
