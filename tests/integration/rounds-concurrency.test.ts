/**
 * Two coordinators save the same municipality at the same moment, over real HTTP against the real
 * server: exactly one save wins, the other gets 409, and nothing either typed is silently lost.
 * (Remove the version check in saveAssessment and this fails: both answer 302.)
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDb } from "../../db/client.server";
import { createRound, transitionRound } from "../../app/models/round.server";
import { getAssessment } from "../../app/models/assessment.server";
import { createTestUser, loginHttp, request, withServerDb } from "../support/auth";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let roundId = 0;
let cookies: [string, string];
const CODES = ["1480", "1440", "1489", "1460", "1462", "1485", "1401", "1402"];

beforeAll(async () => {
  server = await startServer();
  withServerDb(server, (db) => {
    setDb(db);
    try {
      const created = createRound({ name: "Samtidighetstest", periodStart: "2027-02-01", periodEnd: "2027-02-28" }, { id: null, label: "test" });
      roundId = created.ok ? created.round.id : 0;
      transitionRound(roundId, "open", { actor: { id: null, label: "test" }, prefill: true });
    } finally {
      setDb(undefined);
    }
  });
  const anna = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["14"], name: "Anna Andersson" });
  const bo = await createTestUser(server, { roles: ["coordinator"], countyCodes: ["14"], name: "Bo Berg" });
  cookies = [await loginHttp(server, anna), await loginHttp(server, bo)];
});
afterAll(async () => {
  await server?.stop();
});

function save(cookie: string, code: string, version: number, comment: string) {
  return request(server, `/kartlaggningar/${roundId}/kommuner/${code}`, {
    cookie,
    method: "POST",
    body: new URLSearchParams({ intent: "save", version: String(version), collaboration: "good", interventionAccess: "satisfactory", channels: "caseworker_contact", comment }),
  });
}

describe("two coordinators saving the same municipality at once", () => {
  it("exactly one save wins and the other is told, with 409, for every municipality tried", async () => {
    for (const code of CODES) {
      const version = withServerDb(server, (db) => {
        setDb(db);
        try {
          return getAssessment(roundId, code)!.version;
        } finally {
          setDb(undefined);
        }
      });
      const [a, b] = await Promise.all([save(cookies[0], code, version, `Annas text ${code}`), save(cookies[1], code, version, `Bos text ${code}`)]);
      const statuses = [a.status, b.status].sort();
      const loser = a.status === 409 ? a : b;
      const loserBody = await loser.text();
      await (a === loser ? b : a).arrayBuffer();
      expect(statuses, code).toEqual([302, 409]);
      // The loser's page names the winner and still holds the loser's own text.
      const winnerName = a.status === 302 ? "Anna Andersson" : "Bo Berg";
      const loserText = a.status === 409 ? `Annas text ${code}` : `Bos text ${code}`;
      expect(loserBody).toContain(winnerName);
      expect(loserBody).toContain(loserText);
      const stored = withServerDb(server, (db) =>
        db.get(sql`select version, comment from assessments where round_id = ${roundId} and municipality_code = ${code}`),
      ) as { version: number; comment: string };
      expect(stored.version).toBe(version + 1);
      const history = withServerDb(server, (db) =>
        db.all(sql`select version, source from assessment_history where round_id = ${roundId} and municipality_code = ${code} order by version`),
      );
      expect(history).toEqual([{ version: 1, source: "prefill" }, { version: 2, source: "form" }]);
    }
  });
});
