import { NextResponse } from "next/server";

import { readiness } from "@/lib/observability/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness, for the load balancer and the container's HEALTHCHECK: 200 when the database answers with
 * its migrations applied and the first catalogue sync finished; 503 otherwise, and from SIGTERM on.
 */
export async function GET() {
  const { ready, checks } = await readiness();
  return NextResponse.json({ ready, checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
