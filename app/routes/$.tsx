/** Any path no other route claims: a Swedish 404 with status 404. */
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
