"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print stylesheet makes it an A4 packing list. */
export function PrintButton() {
  const t = useTranslations("orders.detail");
  return (
    <Button variant="secondary" className="no-print" onClick={() => window.print()}>
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      >
        <path d="M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z" />
      </svg>
      {t("print")}
    </Button>
  );
}
