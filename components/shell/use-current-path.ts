"use client";

import { usePathname, useSearchParams } from "next/navigation";

/**
 * The path and query of the page being shown, for a form's hidden `from` field: the server action
 * sends the browser back there (a page, also without JavaScript). Rendered on the server with the
 * page, and kept current by the router after client navigations.
 */
export function useCurrentPath(): string {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return search ? `${pathname}?${search}` : pathname;
}
