import { NextResponse, type NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";

import { requireSession } from "@/lib/auth/session";
import { exportList } from "@/lib/lists/read";
import { parseListId } from "@/lib/lists/schemas";

type Context = { params: Promise<{ id: string }> };

function notFound(text: string) {
  return new NextResponse(`${text}\n`, {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A list as CSV (GET /lists/{id}/export): `sku;quantity;title`, what the import reads back. 404 for another customer's id. */
export async function GET(_request: NextRequest, { params }: Context) {
  const t = await getTranslations("lists.csv");
  const id = parseListId((await params).id);
  if (!id) return notFound(t("notFound"));
  const session = await requireSession();
  const exported = await exportList(session, { id }, { sku: t("sku"), quantity: t("quantity"), title: t("title") });
  if (!exported) return notFound(t("notFound"));
  const base = exported.name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "list";
  return new NextResponse(exported.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base.slice(0, 60)}.csv"; filename*=UTF-8''${encodeURIComponent(exported.name)}.csv`,
      "Cache-Control": "private, no-store",
    },
  });
}
