/**
 * The ratings API's answer (GET /api/v1/municipalities), serialised and compressed once per round and
 * version, with an ETag. Ratings change rarely and are read often: a request costs the session check,
 * one statement that says whether the database changed at all, and the write of ready bytes.
 *
 * Used by the route module (app/routes/api.v1.municipalities.ts) and by the server's fast path
 * (app/server/ratings-api.ts), which answers before Express's later middleware and Remix.
 */
import crypto from "node:crypto";
import zlib from "node:zlib";
import { listMunicipalityRatings } from "../models/assessment.server";
import { databaseChangeMark, inReadSnapshot, ratingsFingerprint } from "../models/ratings-version.server";
import { selectRound } from "../models/round-selection.server";

type Round = Extract<ReturnType<typeof selectRound>, { kind: "found" }>["round"];

/** The JSON document: the round, whether it is example data, and the 290 municipalities' ratings. */
export function municipalitiesBody(round: Round | null) {
  const municipalities = listMunicipalityRatings(round?.id ?? null).map((m) => ({
    code: m.code,
    name: m.name,
    countyCode: m.countyCode,
    countyName: m.countyName,
    collaboration: m.collaboration,
    interventionAccess: m.interventionAccess,
    category: m.category,
  }));
  return {
    round: round && {
      id: round.id,
      name: round.name,
      periodStart: round.periodStart,
      periodEnd: round.periodEnd,
      status: round.status,
    },
    example: round?.example ?? false,
    municipalities,
  };
}

export type RatingsDocument = {
  roundId: number | null;
  fingerprint: string;
  /** databaseChangeMark() when last known to be current. */
  mark: string;
  checkedAt: number;
  /** Weak: the same for every content coding of the same JSON. */
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
};

/**
 * Whatever the version key could miss (a register correction by `npm run db:seed` into a running
 * server's database) is rebuilt at least this often; the ETag is the content's hash, so a rebuild with
 * the same bytes keeps it and clients keep getting 304.
 */
const MAX_AGE_MS = 60_000;

type Cache = Map<string, RatingsDocument>;
// One cache per process, shared by the route bundle and the server's own modules (two module instances).
const globalForCache = globalThis as unknown as { __samverkanRatingsCache?: Cache };
function cache(): Cache {
  return (globalForCache.__samverkanRatingsCache ??= new Map());
}

/** Empties the cache (tests that swap databases). */
export function clearRatingsCache() {
  cache().clear();
}

function encode(json: string, roundId: number | null, fingerprint: string, mark: string): RatingsDocument {
  const identity = Buffer.from(json, "utf8");
  return {
    roundId,
    fingerprint,
    mark,
    checkedAt: Date.now(),
    etag: `W/"${crypto.createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`,
    identity,
    gzip: zlib.gzipSync(identity, { level: 9 }),
    // Quality 5: about a millisecond per rebuild; 11 would save a fifth of 4 KB for 70+ ms of CPU.
    br: zlib.brotliCompressSync(identity, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
    }),
  };
}

export type RatingsLookup = { kind: "ok"; document: RatingsDocument } | { kind: "unknown-round"; requested: string };

/** The answer for `?round=` (null: the latest round), from the cache when the database has not changed it. */
export function ratingsDocument(roundParam: string | null): RatingsLookup {
  const key = roundParam ?? "";
  const mark = databaseChangeMark();
  const cached = cache().get(key);
  const now = Date.now();
  if (cached && cached.mark === mark && now - cached.checkedAt < MAX_AGE_MS) return { kind: "ok", document: cached };

  return inReadSnapshot((): RatingsLookup => {
    const selection = selectRound(roundParam);
    if (selection.kind === "unknown") return { kind: "unknown-round", requested: selection.requested };
    const round = selection.kind === "found" ? selection.round : null;
    const fingerprint = ratingsFingerprint(round?.id ?? null);
    if (cached && cached.roundId === (round?.id ?? null) && cached.fingerprint === fingerprint && now - cached.checkedAt < MAX_AGE_MS) {
      cached.mark = mark;
      return { kind: "ok", document: cached };
    }
    const document = encode(JSON.stringify(municipalitiesBody(round)), round?.id ?? null, fingerprint, mark);
    cache().set(key, document);
    return { kind: "ok", document };
  });
}

export type Coding = "br" | "gzip" | "identity";

/** The codings the client accepts (Accept-Encoding with q-values; `*` counts). */
export function acceptedCodings(acceptEncoding: string | null | undefined): Set<Coding> {
  const accepted = new Set<Coding>(["identity"]);
  if (!acceptEncoding) return accepted;
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  for (const coding of ["br", "gzip"] as const) if ((q.get(coding) ?? q.get("*") ?? 0) > 0) accepted.add(coding);
  return accepted;
}

/** The smallest form of the document the client accepts (brotli at a fast quality is not always smaller than gzip -9). */
export function chooseCoding(document: RatingsDocument, acceptEncoding: string | null | undefined): Coding {
  const accepted = acceptedCodings(acceptEncoding);
  let best: Coding = "identity";
  for (const coding of ["gzip", "br"] as const) {
    if (accepted.has(coding) && document[coding].length < document[best].length) best = coding;
  }
  return best;
}

/** If-None-Match against a weak ETag: weak comparison, a list or `*` (RFC 9110 13.1.2). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === opaque);
}

export type EncodedAnswer = { status: 200 | 304; headers: Record<string, string>; body: Buffer | null };

/** Status, headers and bytes for one request: 304 when the client's copy is current. */
export function encodedAnswer(
  document: RatingsDocument,
  request: { acceptEncoding: string | null | undefined; ifNoneMatch: string | null | undefined },
): EncodedAnswer {
  const headers: Record<string, string> = {
    ETag: document.etag,
    // The client may keep it but must ask again each time (a cheap 304 when nothing changed).
    "Cache-Control": "private, no-cache",
    Vary: "Accept-Encoding, Cookie",
  };
  if (etagMatches(request.ifNoneMatch, document.etag)) return { status: 304, headers, body: null };
  const coding = chooseCoding(document, request.acceptEncoding);
  const body = document[coding];
  headers["Content-Type"] = "application/json; charset=utf-8";
  headers["Content-Length"] = String(body.length);
  if (coding !== "identity") headers["Content-Encoding"] = coding;
  return { status: 200, headers, body };
}
