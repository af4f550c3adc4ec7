import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { findCompanies } from "@/lib/acting/find-companies";
import { sessionTokenOf } from "@/lib/auth/session";

const query = z.object({ q: z.string().trim().max(100).default("") });

const json = (body: unknown, status = 200) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

/** The customer switcher's search over all companies (lib/acting/find-companies.ts). Wholesaler staff only. */
export async function GET(request: NextRequest) {
  const session = await sessionTokenOf(request);
  if (!session) return json({ message: "Unauthenticated." }, 401);
  const parsed = query.safeParse({ q: request.nextUrl.searchParams.get("q") ?? undefined });
  if (!parsed.success) return json({ message: "The q parameter is too long." }, 422);
  const result = await findCompanies(session, parsed.data.q);
  if (result.ok) return json({ companies: result.companies, skipped: result.skipped });
  if (result.reason === "forbidden") return json({ message: "This action is unauthorized." }, 403);
  if (result.reason === "unauthenticated") return json({ message: "Unauthenticated." }, 401);
  return json({ message: "The wholesaler is not reachable." }, 503);
}
