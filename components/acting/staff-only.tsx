"use client";

import { lazy, Suspense, type ComponentProps } from "react";

import type { ActingBanner as Banner } from "./acting-banner";

const LazySwitcher = lazy(() => import("./customer-switcher").then((module) => ({ default: module.CustomerSwitcher })));
const LazyBanner = lazy(() => import("./acting-banner").then((module) => ({ default: module.ActingBanner })));

/**
 * The shell's parts only staff see (the customer switcher) or only while acting for a customer
 * (the banner), as scripts of their own that load only where they are rendered: both are
 * server-rendered as before (and work without JavaScript), and a dealer's pages do not carry them.
 */
export function CustomerSwitcher() {
  return (
    <Suspense fallback={null}>
      <LazySwitcher />
    </Suspense>
  );
}

export function ActingBanner(props: ComponentProps<typeof Banner>) {
  return (
    <Suspense fallback={null}>
      <LazyBanner {...props} />
    </Suspense>
  );
}
