import type { NextFunction, Request, Response } from "express";
import { encodedAnswer, ratingsDocument } from "../services/ratings-api.server";
import { getSessionUserByCookie } from "../services/session.server";
import { log } from "../services/log.server";

export const RATINGS_API_PATH = "/api/v1/municipalities";

let failureLogged = false;

/**
 * GET/HEAD /api/v1/municipalities for a signed-in user, answered from the ratings cache without Remix
 * (whose request conversion alone costs more than the whole answer). Mounted after the security
 * middleware and before compression, which therefore never sees (or recompresses) it. Anything else —
 * no session, a password change pending, an unknown or repeated `round` — goes on to the route module,
 * which gives the proper error answer.
 */
export function ratingsApiFastPath(req: Request, res: Response, next: NextFunction) {
  if ((req.method !== "GET" && req.method !== "HEAD") || req.path !== RATINGS_API_PATH) return next();
  try {
    const round = req.query.round;
    if (round !== undefined && typeof round !== "string") return next();
    const user = getSessionUserByCookie(req.headers.cookie);
    if (!user || user.mustChangePassword) return next();
    const lookup = ratingsDocument(round ?? null);
    if (lookup.kind !== "ok") return next();
    const answer = encodedAnswer(lookup.document, {
      acceptEncoding: req.headers["accept-encoding"],
      ifNoneMatch: req.headers["if-none-match"],
    });
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  } catch (error) {
    // The route module will answer (or fail properly); say once that the fast path is not working.
    if (!failureLogged) log.error("ratings API fast path failed; answering through Remix", { error });
    failureLogged = true;
    next();
  }
}
