import type { ComponentProps } from "react";

import { OwnMessages } from "@/components/i18n/feature-messages";

import { ActingBanner as LazyBanner, CustomerSwitcher as LazySwitcher } from "./staff-only";

/*
 * The shell's parts for staff, each with the acting messages around it alone: a dealer's pages, which
 * never render them, carry neither their scripts (staff-only.tsx) nor their messages.
 */

export function CustomerSwitcher() {
  return (
    <OwnMessages feature="acting">
      <LazySwitcher />
    </OwnMessages>
  );
}

export function ActingBanner(props: ComponentProps<typeof LazyBanner>) {
  return (
    <OwnMessages feature="acting">
      <LazyBanner {...props} />
    </OwnMessages>
  );
}
