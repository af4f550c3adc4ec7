"use client";

import { usePathname } from "next/navigation";

import { Link } from "@/components/link";

import { isActive } from "./nav-items";

/**
 * A link of the portal's navigation, marked as the current page (aria-current) from the browser's path.
 * Its label comes from the server, already translated: the navigation hydrates without formatting a message.
 * The scan page loads as a document of its own: only its response allows the camera (Permissions-Policy).
 */
export function NavLink({ href, className, children }: { href: string; className: string; children: React.ReactNode }) {
  const current = isActive(usePathname(), href) ? "page" : undefined;
  return href === "/scan" ? (
    <a href={href} aria-current={current} className={className}>
      {children}
    </a>
  ) : (
    <Link href={href} aria-current={current} className={className}>
      {children}
    </Link>
  );
}
