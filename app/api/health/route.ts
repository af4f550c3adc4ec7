import { NextResponse } from "next/server";

import { catalogueIsReady } from "@/lib/catalogue/readiness";

/** Liveness for load balancers and the test harness; `?catalogue` also says whether the first sync finished. */
export async function GET(request: Request) {
  if (!new URL(request.url).searchParams.has("catalogue")) return NextResponse.json({ ok: true });
  try {
    return NextResponse.json({ ok: true, catalogueReady: await catalogueIsReady() });
  } catch {
    return NextResponse.json({ ok: false, catalogueReady: false }, { status: 503 });
  }
}
