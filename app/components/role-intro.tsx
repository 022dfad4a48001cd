import { roleIntro } from "../domain/role-intro";
import { useRootData } from "../root";

/** One line on the start page: what the signed-in person's roles let them do in the app today. */
export function RoleIntro() {
  const user = useRootData()?.user;
  if (!user) return null;
  return <p className="role-intro muted no-print">{roleIntro(user)}</p>;
}
