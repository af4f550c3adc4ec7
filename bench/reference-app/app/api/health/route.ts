/** A trivial dynamic response of the reference app: what a route handler costs in this framework (bench:throughput). */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
