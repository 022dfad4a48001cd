import type { LoaderFunctionArgs } from "@remix-run/node";
import { quoteParam } from "../domain/params";
import { requireUser } from "../services/auth.server";
import { httpError } from "../services/http.server";
import { encodedAnswer, ratingsDocument } from "../services/ratings-api.server";

/**
 * The ratings of every municipality in a round (`?round=<id>`, default the latest), as JSON, compressed
 * and with an ETag. Signed-in requests are usually answered by the server's fast path
 * (app/server/ratings-api.ts) from the same cache; this loader answers the rest (sign-in needed, an
 * unknown round) and any request that reaches Remix.
 */
export function loader({ request }: LoaderFunctionArgs) {
  requireUser(request);
  const lookup = ratingsDocument(new URL(request.url).searchParams.get("round"));
  if (lookup.kind === "unknown-round") {
    throw httpError(request, 404, `Kartläggningsomgången "${quoteParam(lookup.requested)}" finns inte.`);
  }
  const answer = encodedAnswer(lookup.document, {
    acceptEncoding: request.headers.get("Accept-Encoding"),
    ifNoneMatch: request.headers.get("If-None-Match"),
  });
  const body = answer.body && new Uint8Array(answer.body.buffer as ArrayBuffer, answer.body.byteOffset, answer.body.length);
  return new Response(body, { status: answer.status, headers: answer.headers });
}
