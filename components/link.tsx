"use client";

import { useRouter } from "next/navigation";
import type { AnchorHTMLAttributes, MouseEvent, Ref } from "react";

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; ref?: Ref<HTMLAnchorElement> };

/**
 * The portal's link: an anchor that, once hydrated, opens a page of the portal by the app router
 * (the layout stays, only the page's own part is fetched), as next/link does, and that never
 * prefetches. Prefetching every link in view rendered a page on the server per link (an upstream call
 * per order row) and left the phone decoding them after load; a tap costs one round trip instead.
 * next/link itself (with its helpers 2.6 kB gzip of every signed-in page's first load, by
 * bench:bundle) did nothing more for the portal than this: a new tab, a download, another site or a click with a key held stays the
 * browser's. Before hydration it is the plain link. ESLint points imports of next/link here.
 */
export function Link({ onClick, ...props }: LinkProps) {
  const router = useRouter();
  return (
    <a
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (!opensInPlace(event)) return;
        event.preventDefault();
        router.push(props.href);
      }}
    />
  );
}

/** A plain left click on a link to a page of this site, meant for this tab. */
function opensInPlace(event: MouseEvent<HTMLAnchorElement>): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  const anchor = event.currentTarget;
  const target = anchor.getAttribute("target");
  if ((target && target !== "_self") || anchor.hasAttribute("download")) return false;
  return new URL(anchor.href, window.location.href).origin === window.location.origin;
}
