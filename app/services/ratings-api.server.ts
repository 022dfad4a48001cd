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
import { ratingsFingerprint } from "../models/ratings-version.server";
import { selectRound } from "../models/round-selection.server";
import { cachedMunicipalityRatings, forget, reuseWhileUnchanged } from "./ratings-cache.server";

type Round = Extract<ReturnType<typeof selectRound>, { kind: "found" }>["round"];

/** The JSON document: the round, whether it is example data, and the 290 municipalities' ratings. */
export function municipalitiesBody(round: Round | null) {
  const municipalities = cachedMunicipalityRatings(round?.id ?? null).map((m) => ({
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
  /** Weak: the same for every content coding of the same JSON. */
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
};

function encode(json: string, roundId: number | null): RatingsDocument {
  const identity = Buffer.from(json, "utf8");
  return {
    roundId,
    // The content's hash: a rebuild with the same bytes keeps it, and clients keep getting 304.
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

const UNKNOWN = "unknown";

/**
 * The answer for `?round=` (null: the latest round), reused while nothing it shows changed
 * (ratings-cache.server.ts): the round chosen, its row and its ratings.
 */
export function ratingsDocument(roundParam: string | null): RatingsLookup {
  let unknown: string | null = null;
  const fingerprint = () => {
    const selection = selectRound(roundParam);
    if (selection.kind === "unknown") return UNKNOWN;
    const roundId = selection.kind === "found" ? selection.round.id : null;
    return `${roundId}|${ratingsFingerprint(roundId)}`;
  };
  const document = reuseWhileUnchanged<RatingsDocument | null>("ratings-api", roundParam ?? "", fingerprint, () => {
    const selection = selectRound(roundParam);
    if (selection.kind === "unknown") {
      unknown = selection.requested;
      return null;
    }
    const round = selection.kind === "found" ? selection.round : null;
    return encode(JSON.stringify(municipalitiesBody(round)), round?.id ?? null);
  });
  if (document) return { kind: "ok", document };
  if (unknown === null) unknown = roundParam ?? "";
  // Never keep an entry for a round that does not exist: the parameter is the client's to choose.
  forget("ratings-api", roundParam ?? "");
  return { kind: "unknown-round", requested: unknown };
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
