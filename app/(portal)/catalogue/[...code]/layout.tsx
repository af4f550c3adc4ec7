import { notFound } from "next/navigation";

import { categoryPath } from "@/lib/catalogue/browse";

/**
 * An address that cannot name a category (malformed percent-encoding, NUL, odd characters) is a
 * 404 before anything streams: the loading skeleton of this segment sits inside this layout, and a
 * skeleton sent first would fix the status at 200.
 */
export default async function CategoryLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ code: string[] }>;
}) {
  if (!categoryPath((await params).code)) notFound();
  return children;
}
