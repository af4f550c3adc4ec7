"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

import { isActive } from "./nav-items";

/**
 * The phone bar's "More": a disclosure (<details>, so it opens before hydration and without
 * JavaScript) holding every destination the bar has no cell for. After hydration it closes when a
 * page is chosen, on Escape (focus back on its button) and on a tap elsewhere.
 */
export function MoreMenu({
  label,
  icon,
  hrefs,
  children,
}: {
  label: string;
  icon: React.ReactNode;
  hrefs: string[];
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  const current = hrefs.some((href) => isActive(pathname, href));

  useEffect(() => {
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
    <details ref={details} className="group relative h-full">
      <summary
        data-current={current ? "true" : undefined}
        className="relative flex min-h-14 cursor-pointer list-none flex-col items-center justify-center gap-0.5 text-slate-600 group-open:text-brand-700 data-[current=true]:text-brand-700 [&::-webkit-details-marker]:hidden"
      >
        {icon}
        <span className="block max-w-full overflow-hidden text-[0.6875rem] leading-tight font-medium tracking-tight whitespace-nowrap">
          {label}
        </span>
      </summary>
      <ul className="absolute right-1 bottom-full mb-1 w-56 max-w-[calc(100vw-0.5rem)] rounded-md border border-slate-200 bg-white py-1 shadow-lg">
        {children}
      </ul>
    </details>
  );
}
