"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

import { isActive } from "./nav-items";

/**
 * A disclosure of the page's frame (the account menu, the phone bar's "More"): a <details>, so it
 * opens before hydration and without JavaScript. After hydration it closes when another page is
 * shown, on Escape (focus back on its summary) and on a tap or click elsewhere. `currentHrefs`: the
 * pages inside it; the summary is marked (`data-current`) while one of them is shown.
 */
export function DismissibleDetails({
  className,
  summaryClassName,
  summary,
  currentHrefs,
  children,
}: {
  className: string;
  summaryClassName: string;
  summary: React.ReactNode;
  currentHrefs?: string[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  const current = currentHrefs?.some((href) => isActive(pathname, href));

  // Closed when another page is shown, not when React first runs: a disclosure opened before
  // hydration stays open (closing it on mount lost the tap, as CI's phone test of More saw).
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (details.current?.open && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && details.current?.open) {
        details.current.open = false;
        details.current.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
    };
  }, []);

  return (
    <details ref={details} className={className}>
      <summary data-current={current ? "true" : undefined} className={summaryClassName}>
        {summary}
      </summary>
      {children}
    </details>
  );
}
