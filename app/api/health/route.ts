/**
 * Liveness probe for load balancers and the benchmark's baseline: answers `{ ok: true }` without touching
 * the database, rendered on every request (never cached) so it measures the server's own overhead.
 */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
