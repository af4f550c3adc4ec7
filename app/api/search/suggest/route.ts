import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";

import { requireSession } from "@/lib/auth/session";
import { suggestProducts } from "@/lib/catalogue/search-catalogue";

/**
 * Suggestions while a person types in the search box; from the mirror only. Signed-in users
 * (proxy.ts). A list of the catalogue: 403 for an account without the product list.
 */
export async function GET(request: NextRequest) {
  const session = await requireSession();
  const found = await suggestProducts(session, { query: request.nextUrl.searchParams.get("q") ?? "" });
  const t = await getTranslations("search");
  switch (found.kind) {
    case "invalid":
      return NextResponse.json({ message: t("invalidQuery"), items: [] }, { status: 400 });
    case "listing-not-allowed":
      return NextResponse.json({ message: t("suggestionsNotAllowed"), items: [] }, { status: 403 });
    case "suggestions":
      return NextResponse.json({ items: found.items }, { headers: { "Cache-Control": "private, max-age=30" } });
  }
}
