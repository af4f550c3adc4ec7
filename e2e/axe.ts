import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";

import { E2E } from "./env";

/**
 * The passes axe makes over a set of pages: each language at one width, so that every page is
 * checked in English and Dutch and at desktop and phone width. (All four pairs took 3.9 minutes of
 * CI in the main accessibility spec alone; a language changes the words, which both passes check,
 * not the page's structure, which the widths change.)
 */
export const AXE_PASSES = [
  { locale: "en", width: 1280, height: 900 },
  { locale: "nl", width: 360, height: 780 },
] as const;

export type AxePass = (typeof AXE_PASSES)[number];

/** Sets the pass's language (the language switch's cookie) and width. */
export async function startPass(context: BrowserContext, page: Page, pass: AxePass): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: pass.locale, url: E2E.portalUrl }]);
  await page.setViewportSize({ width: pass.width, height: pass.height });
}

/**
 * axe over the page's WCAG 2.1 A/AA rules, run in the page itself (axe's legacy mode). The default
 * mode opens a blank page of its own for every analysis to merge the results of cross-origin frames;
 * the portal has no frames, and that page cost half of each analysis: the same results (violations,
 * passes and incomplete checks counted on eight pages) in 0.6–2.2 s against 1.1–4.4 s.
 */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true);
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe finds on the page as it is now, each as
 * "where: rule (impact) first targets". Also checks the page is in the pass's language: a page
 * falling back to English would otherwise pass in "nl".
 */
export async function seriousViolations(page: Page, pass: AxePass, where: string): Promise<string[]> {
  const lang = await page.locator("html").getAttribute("lang");
  const problems = lang === pass.locale ? [] : [`${pass.locale} ${where}: the page is in "${lang}"`];
  const result = await axeOn(page).analyze();
  for (const violation of result.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    const targets = violation.nodes
      .map((node) => node.target.join(" "))
      .slice(0, 3)
      .join(", ");
    problems.push(`${pass.locale} ${pass.width} ${where}: ${violation.id} (${violation.impact}) ${targets}`);
  }
  return problems;
}
