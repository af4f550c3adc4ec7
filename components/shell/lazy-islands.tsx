"use client";

import { lazy, Suspense, type ComponentProps } from "react";

import type { AccountMenu as Menu } from "./account-menu";
import type { LanguageButtons as Languages } from "./language-buttons";
import type { MoreMenu as More } from "./more-menu";
import type { SignOutButton as SignOut } from "./sign-out-button";

const LazyAccountMenu = lazy(() => import("./account-menu").then((module) => ({ default: module.AccountMenu })));
const LazyLanguageButtons = lazy(() =>
  import("./language-buttons").then((module) => ({ default: module.LanguageButtons })),
);
const LazyMoreMenu = lazy(() => import("./more-menu").then((module) => ({ default: module.MoreMenu })));
const LazySignOutButton = lazy(() => import("./sign-out-button").then((module) => ({ default: module.SignOutButton })));

/*
 * The shell's closed menus, the language buttons and the sign-out button, server-rendered as before (disclosures and a
 * form that work before hydration and without JavaScript) but hydrated from scripts of their own,
 * fetched as the page hydrates, so that they are not in every page's first-load JavaScript.
 */

export function AccountMenu(props: ComponentProps<typeof Menu>) {
  return (
    <Suspense fallback={null}>
      <LazyAccountMenu {...props} />
    </Suspense>
  );
}

export function MoreMenu(props: ComponentProps<typeof More>) {
  return (
    <Suspense fallback={null}>
      <LazyMoreMenu {...props} />
    </Suspense>
  );
}

export function SignOutButton(props: ComponentProps<typeof SignOut>) {
  return (
    <Suspense fallback={null}>
      <LazySignOutButton {...props} />
    </Suspense>
  );
}

export function LanguageButtons(props: ComponentProps<typeof Languages>) {
  return (
    <Suspense fallback={null}>
      <LazyLanguageButtons {...props} />
    </Suspense>
  );
}
