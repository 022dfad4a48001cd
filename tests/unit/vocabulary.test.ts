import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIALOGUE_STATUS_LABELS } from "../../app/domain/dialogue-status";
import { CATEGORY_PHRASES, NOT_RATED } from "../../app/domain/rating";
import {
  CATEGORY_LABELS,
  COLLABORATION_LABELS,
  INTERVENTION_ACCESS_LABELS,
  RATING_FIELD_LABELS,
} from "../../app/domain/rating";
import { NO_ROUND_YET, ROUND_STATUS_LABELS } from "../../app/domain/round";
import { DOWNLOAD_CSV } from "../../app/domain/wording";

/** Where the vocabulary is defined: the only files allowed to spell its words. */
const DEFINITIONS = ["app/domain/rating.ts", "app/domain/round.ts", "app/domain/dialogue-status.ts", "app/domain/wording.ts"];

/** Same word on purpose, for another thing: the audit log's name for an assessment record. */
const ALLOWED = [{ file: "app/domain/audit-filter.ts", text: RATING_FIELD_LABELS.category }];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const files = sourceFiles("app").map((file) => ({ file, text: fs.readFileSync(file, "utf8") }));

/** The text as a whole string literal or as the whole text of a JSX element. */
function spelledOut(source: string, text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(["'\`]${escaped}["'\`])|(>\\s*${escaped}\\s*<)`).test(source);
}

const labels: string[] = [
  ...Object.values(CATEGORY_LABELS),
  ...Object.values(COLLABORATION_LABELS),
  ...Object.values(INTERVENTION_ACCESS_LABELS),
  ...Object.values(RATING_FIELD_LABELS),
  ...Object.values(ROUND_STATUS_LABELS),
  ...Object.values(DIALOGUE_STATUS_LABELS),
  ...Object.values(CATEGORY_PHRASES),
  NOT_RATED,
  NO_ROUND_YET,
  DOWNLOAD_CSV,
];

describe("one Swedish vocabulary", () => {
  it("each category, rating, status and shared phrase is spelled out only where it is defined", () => {
    const seconds = files.flatMap(({ file, text }) =>
      DEFINITIONS.includes(file)
        ? []
        : labels
            .filter((label) => spelledOut(text, label))
            .filter((label) => !ALLOWED.some((a) => a.file === file && a.text === label))
            .map((label) => `${file}: "${label}"`),
    );
    expect(seconds).toEqual([]);
  });

  it("the old second names are gone from every page", () => {
    const old = [
      "Otillfredsställande tillgång",
      "Brister i tillgång till insatser",
      "Bra samverkan och tillgång",
      "Insatser",
      "Kategori",
      "Ej bedömda",
      "Exportera CSV",
      "Ladda ner tabellen (CSV)",
      "Ingen kartläggning har gjorts ännu.",
      "Ingen kartläggning har lagts upp ännu.",
      "Zoom in",
      "Zoom out",
    ];
    const found = files.flatMap(({ file, text }) => old.filter((o) => spelledOut(text, o)).map((o) => `${file}: "${o}"`));
    expect(found).toEqual([]);
  });

  it("a count is never followed by a hand-written plural (use countSv/waitSeconds)", () => {
    const found = files.flatMap(({ file, text }) =>
      /\}\s(sekunder|minuter|timmar|dagar)\b/.test(text) ? [file] : [],
    );
    expect(found).toEqual([]);
  });

  it("the category labels read the same in a sentence as on their own", () => {
    expect(CATEGORY_PHRASES.good).toBe(CATEGORY_LABELS.good.toLocaleLowerCase("sv"));
    expect(CATEGORY_PHRASES.access_gap).toBe(CATEGORY_LABELS.access_gap.toLocaleLowerCase("sv"));
    expect(CATEGORY_LABELS.needs_strengthening).toBe(COLLABORATION_LABELS.needs_strengthening);
    expect(CATEGORY_LABELS.unrated).toBe(NOT_RATED);
  });
});
