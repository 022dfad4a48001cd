import zlib from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assessments, mappingRounds } from "../../db/schema";
import { getDb } from "../../db/client.server";
import { ensureExampleRound } from "../../app/models/round.server";
import { ratingsDocument } from "../../app/services/ratings-api.server";
import { clearCaches } from "../../app/services/ratings-cache.server";
import { getMapView } from "../../app/services/map-view.server";
import { getRaw } from "../bench/harness";
import { createTestUser, loginHttp, withServerDb } from "../support/auth";
import { closeTestDatabase, createTestDatabase } from "../support/database";
import { startServer, type RunningServer } from "../support/server";

type ApiBody = { round: { id: number } | null; municipalities: { code: string; collaboration: string | null; category: string }[] };
const PATH = "/api/v1/municipalities";

describe("the ratings API on the running server", () => {
  let server: RunningServer;
  let cookie: string;
  const get = (headers: Record<string, string> = {}, path = PATH) => getRaw(server.url + path, { Cookie: cookie, ...headers });
  const json = (body: Buffer, coding?: string) =>
    JSON.parse((coding === "br" ? zlib.brotliDecompressSync(body) : coding === "gzip" ? zlib.gunzipSync(body) : body).toString("utf8")) as ApiBody;

  beforeAll(async () => {
    server = await startServer();
    cookie = await loginHttp(server, await createTestUser(server, { roles: ["manager"] }));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a client that already has the ratings is told 304 Not Modified, with no body, when it asks again with the ETag", async () => {
    const first = await get({ "Accept-Encoding": "gzip" });
    expect(first.status).toBe(200);
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");

    const again = await get({ "Accept-Encoding": "gzip", "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    // A list naming it, and the strong form of the same tag, match too; another tag does not.
    expect((await get({ "If-None-Match": `"other", ${etag.slice(2)}` })).status).toBe(304);
    expect((await get({ "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("the same ratings come compressed as the client asks, once (never compressed twice), with one ETag", async () => {
    const plain = await get();
    const gzip = await get({ "Accept-Encoding": "gzip" });
    const br = await get({ "Accept-Encoding": "br, gzip" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(["br", "gzip"]).toContain(br.headers["content-encoding"]);
    for (const answer of [plain, gzip, br]) {
      expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(answer.headers.vary).toContain("Accept-Encoding");
      expect(answer.headers.etag).toBe(plain.headers.etag);
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
    const expected = json(plain.body);
    expect(expected.municipalities).toHaveLength(290);
    expect(json(gzip.body, "gzip")).toEqual(expected);
    expect(json(br.body, br.headers["content-encoding"])).toEqual(expected);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 5);
  });

  it("a rating changed by another process (an import, a restore) changes the answer and its ETag at once", async () => {
    const before = await get({ "Accept-Encoding": "gzip" });
    const body = json(before.body, "gzip");
    const göteborg = body.municipalities.find((m) => m.code === "1480")!;
    const changedTo = göteborg.collaboration === "good" ? "needs_strengthening" : "good";

    withServerDb(server, (db) =>
      db
        .update(assessments)
        .set({ collaboration: changedTo, version: sql`${assessments.version} + 1`, updatedAt: new Date().toISOString() })
        .where(eq(assessments.municipalityCode, "1480"))
        .run(),
    );

    const after = await get({ "Accept-Encoding": "gzip", "If-None-Match": before.headers.etag! });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(json(after.body, "gzip").municipalities.find((m) => m.code === "1480")!.collaboration).toBe(changedTo);
  });

  it("a new round becomes the latest: the default answer follows it", async () => {
    const before = json((await get()).body);
    const roundId = withServerDb(server, (db) =>
      db.insert(mappingRounds).values({ name: "Uppföljning 2026", periodStart: "2026-03-01", periodEnd: "2026-03-31", status: "open" }).returning().get().id,
    );
    const after = json((await get()).body);
    expect(before.round?.id).not.toBe(roundId);
    expect(after.round?.id).toBe(roundId);
    expect(after.municipalities.every((m) => m.category === "unrated")).toBe(true);
  });

  it("without a session the API still answers 401 JSON, and an unknown round 404", async () => {
    const anonymous = await getRaw(server.url + PATH);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["content-type"]).toContain("application/json");
    expect((await get({}, `${PATH}?round=999`)).status).toBe(404);
  });
});

describe("the ratings cache in the server's own process", () => {
  let handle: ReturnType<typeof createTestDatabase>;
  beforeAll(() => {
    handle = createTestDatabase();
    ensureExampleRound();
    clearCaches();
  });
  afterAll(() => {
    clearCaches();
    closeTestDatabase(handle);
  });

  it("is reused while nothing changes and rebuilt after a save on the same connection", () => {
    const first = ratingsDocument(null);
    const second = ratingsDocument(null);
    if (first.kind !== "ok" || second.kind !== "ok") throw new Error("no round");
    expect(second.document).toBe(first.document);

    getDb()
      .update(assessments)
      .set({ interventionAccess: "unsatisfactory", version: sql`${assessments.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(assessments.municipalityCode, "0114"))
      .run();
    const third = ratingsDocument(null);
    if (third.kind !== "ok") throw new Error("no round");
    expect(third.document.etag).not.toBe(first.document.etag);
    const body = JSON.parse(third.document.identity.toString()) as ApiBody;
    expect(body.municipalities.find((m) => m.code === "0114")!.category).not.toBe("good");
  });

  it("a write elsewhere in the database (a session, the audit log) keeps the same answer", () => {
    const first = ratingsDocument(null);
    getDb().run(sql`CREATE TABLE IF NOT EXISTS scratch (x)`);
    getDb().run(sql`INSERT INTO scratch VALUES (1)`);
    const second = ratingsDocument(null);
    if (first.kind !== "ok" || second.kind !== "ok") throw new Error("no round");
    expect(second.document).toBe(first.document);
  });

  it("the map shows a saved rating at once, though its ratings are cached", () => {
    const before = getMapView(new URLSearchParams()).municipalities.find((m) => m.code === "1480")!;
    expect(getMapView(new URLSearchParams()).municipalities.find((m) => m.code === "1480")).toEqual(before);
    const changedTo = before.collaboration === "good" ? "needs_strengthening" : "good";
    getDb()
      .update(assessments)
      .set({ collaboration: changedTo, version: sql`${assessments.version} + 1`, updatedAt: new Date().toISOString() })
      .where(eq(assessments.municipalityCode, "1480"))
      .run();
    expect(getMapView(new URLSearchParams()).municipalities.find((m) => m.code === "1480")!.collaboration).toBe(changedTo);
  });
});
