import { FeatureMessages } from "@/components/i18n/feature-messages";
import { requireSession } from "@/lib/auth/session";
import { categoryPath, categoryTitle } from "@/lib/catalogue/browse";
import { mayListProducts } from "@/lib/catalogue/orderable";
import { notFoundPage } from "@/lib/http/not-found";

/**
 * An address that names no category (malformed percent-encoding, NUL, odd characters, or a code the
 * catalogue does not hold) is a 404 before the page renders. The segment has no loading skeleton:
 * the page comes whole in the first response (a skeleton sent first would fix the status at 200, and
 * without JavaScript it would never be replaced). A dealer without
 * the product list sees the order-by-code page at any well-formed address (no category is looked up).
 * The segment's client components get their messages here (lib/i18n/client-messages.ts).
 */
export default async function CategoryLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ code: string[] }>;
}) {
  const path = (await params).code;
  if (!categoryPath(path)) return notFoundPage();
  const session = await requireSession();
  if (mayListProducts(session) && (await categoryTitle(session, path)) === null) return notFoundPage();
  return <FeatureMessages feature="products">{children}</FeatureMessages>;
}
