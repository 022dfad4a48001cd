import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { Role } from "../domain/permissions";
import { ROLE_LABELS } from "../domain/permissions";
import { listCounties } from "../models/register.server";
import { listUsers } from "../models/user.server";
import { requirePermission } from "../services/auth.server";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { TableScroll } from "../components/table-scroll";

export function loader({ request }: LoaderFunctionArgs) {
  requirePermission(request, "manage:users");
  const countyNames = new Map(listCounties().map((c) => [c.code, c.name]));
  return {
    users: listUsers().map((u) => ({ ...u, counties: u.countyCodes.map((c) => countyNames.get(c) ?? c) })),
  };
}

export default function UsersPage() {
  const { users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Användare</h1>
      <p className="page-links">
        <Link className="button" to="/admin/anvandare/ny">
          Nytt konto
        </Link>{" "}
        <Link to="/admin/logg">Logg över ändringar</Link>
      </p>
      <TableScroll label="Konton">
        <table className="data">
          <caption>{users.length} konton</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roller</th>
              <th scope="col">Län</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : "status-inactive"}>
                <td>
                  <Link to={`/admin/anvandare/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => ROLE_LABELS[r as Role]).join(", ")}</td>
                <td>{u.counties.join(", ") || "–"}</td>
                <td>{u.active ? "Aktivt" : "Avaktiverat"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Användare – Samverkanskartan" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
