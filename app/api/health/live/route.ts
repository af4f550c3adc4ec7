import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and answers. Touches nothing else (a restart would not help a database outage). */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
