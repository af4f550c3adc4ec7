import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { searchSuggestions } from "@/lib/catalogue/search";
import { getDb } from "@/lib/db";
import { productDisplayName } from "@/lib/domain/product";

const query = z.object({ q: z.string().trim().min(1).max(200) });

/** Suggestions while the dealer types in the search box; from the mirror only. Signed-in users (proxy.ts). */
export async function GET(request: NextRequest) {
  const parsed = query.safeParse({ q: request.nextUrl.searchParams.get("q") ?? "" });
  if (!parsed.success) {
    return NextResponse.json({ message: "The q parameter must be 1 to 200 characters.", items: [] }, { status: 422 });
  }
  const items = await searchSuggestions(await getDb(), parsed.data.q, 8);
  return NextResponse.json(
    {
      items: items.map((item) => ({
        sku: item.sku,
        name: productDisplayName(item),
        vendorItemNo: item.vendorItemNo,
        stockColour: item.stockColour,
        priceExVat: item.priceExVat,
        priceOnDemand: item.priceOnDemand,
        priceUnit: item.priceUnit,
        salesUnit: item.salesUnit,
        salesUnitAmount: item.salesUnitAmount,
        blocked: item.blocked,
      })),
    },
    { headers: { "Cache-Control": "private, max-age=30" } },
  );
}
