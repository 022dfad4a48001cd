/**
 * The map and the priority list read each municipality's last and next meeting on every request, from
 * a cache (cachedDialogueContacts). What a planner books, moves or cancels shows at once.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedDialogueContacts, clearCaches } from "../../app/services/ratings-cache.server";
import { closeTestDatabase, createTestDatabase } from "../support/database";

let handle: ReturnType<typeof createTestDatabase>;
beforeAll(() => {
  handle = createTestDatabase();
  clearCaches();
});
afterAll(() => {
  clearCaches();
  closeTestDatabase(handle);
});

const TODAY = "2026-11-28";
const contactsOf = (code: string) => cachedDialogueContacts(TODAY).filter((c) => c.municipalityCode === code);

describe("each municipality's last and next dialogue meeting, cached", () => {
  it("is reused while nothing changes, and shows a booked, moved or cancelled meeting at once", () => {
    expect(contactsOf("0114")).toEqual([]);
    expect(cachedDialogueContacts(TODAY)).toBe(cachedDialogueContacts(TODAY));

    const { id } = handle.db.get<{ id: number }>(sql`
      insert into meetings (date, start_time, end_time, format, status, updated_at) values ('2026-12-03', '09:00', '10:00', 'dialogue', 'planned', '2026-11-28T08:00:00.000Z') returning id`);
    handle.db.run(sql`insert into meeting_municipalities (meeting_id, municipality_code, date, status) values (${id}, '0114', '2026-12-03', 'planned')`);
    expect(contactsOf("0114")).toEqual([{ municipalityCode: "0114", date: "2026-12-03", status: "planned", via: "direct" }]);

    // Moved, with the same updated_at (two changes in one millisecond): the sequence still tells.
    handle.db.run(sql`update meetings set date = '2026-12-10', sequence = sequence + 1 where id = ${id}`);
    handle.db.run(sql`update meeting_municipalities set date = '2026-12-10' where meeting_id = ${id}`);
    expect(contactsOf("0114")).toEqual([{ municipalityCode: "0114", date: "2026-12-10", status: "planned", via: "direct" }]);

    handle.db.run(sql`update meetings set status = 'cancelled', sequence = sequence + 1, updated_at = '2026-11-28T09:00:00.000Z' where id = ${id}`);
    handle.db.run(sql`update meeting_municipalities set status = 'cancelled' where meeting_id = ${id}`);
    expect(contactsOf("0114")).toEqual([]);
  });
});
