import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordLogout } from "../models/login.server";
import { getOptionalUser } from "../services/auth.server";
import { destroySession } from "../services/session.server";

/** Signing out only by POST (no GET changes anything); the session row goes at once. */
export function action({ request }: ActionFunctionArgs) {
  const user = getOptionalUser(request);
  if (user) recordLogout(user);
  return redirect("/login", { headers: { "Set-Cookie": destroySession(request) } });
}

/** A typed /logout address changes nothing: it leads to the start page. */
export function loader() {
  return redirect("/");
}
