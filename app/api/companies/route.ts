import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { allCompanies, filterCompanies } from "@/lib/acting/companies";
import { sessionTokenOf } from "@/lib/auth/cookie";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { isUpstreamError, upstreamWithToken } from "@/lib/upstream";

const query = z.object({ q: z.string().trim().max(100).default("") });

/** The customer switcher's search over all companies. Wholesaler staff only. */
export async function GET(request: NextRequest) {
  const session = await sessionTokenOf(request);
  if (!session) return NextResponse.json({ message: "Unauthenticated." }, { status: 401 });
  if (!session.permissions.includes(PERMISSION_COMPANIES)) {
    return NextResponse.json({ message: "This action is unauthorized." }, { status: 403 });
  }
  const parsed = query.safeParse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  if (!parsed.success) return NextResponse.json({ message: "The q parameter is too long." }, { status: 422 });
  try {
    const companies = filterCompanies(await allCompanies(upstreamWithToken(session.upstreamToken)), parsed.data.q);
    return NextResponse.json(
      {
        companies: companies.map((company) => ({
          code: company.code,
          name: company.name,
          city: company.address?.city ?? "",
        })),
      },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (error) {
    if (isUpstreamError(error, "unauthorized"))
      return NextResponse.json({ message: "Unauthenticated." }, { status: 401 });
    if (isUpstreamError(error))
      return NextResponse.json({ message: "The wholesaler is not reachable." }, { status: 503 });
    throw error;
  }
}
