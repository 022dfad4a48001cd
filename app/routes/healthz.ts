import { databaseResponds } from "../models/health.server";

export function loader() {
  return databaseResponds()
    ? Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } })
    : Response.json({ status: "error" }, { status: 503, headers: { "Cache-Control": "no-store" } });
}
