"use client";

import { lazy, type ComponentProps } from "react";

import type { ActingBanner as Banner } from "./acting-banner";

const LazySwitcher = lazy(() => import("./customer-switcher").then((module) => ({ default: module.CustomerSwitcher })));
const LazyBanner = lazy(() => import("./acting-banner").then((module) => ({ default: module.ActingBanner })));

/*
 * The shell's parts only staff see (the customer switcher) or only while acting for a customer
 * (the banner), as scripts of their own that load only where they are rendered, so a dealer's pages
 * do not carry them. No Suspense boundary of their own, on purpose: the server waits for them and
 * sends them in place (both work without JavaScript; a boundary would stream them in a hidden part
 * that only a script reveals), and in the browser hydration waits for their script.
 */

export function CustomerSwitcher() {
  return <LazySwitcher />;
}

export function ActingBanner(props: ComponentProps<typeof Banner>) {
  return <LazyBanner {...props} />;
}
