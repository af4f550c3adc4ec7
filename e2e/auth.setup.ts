import { test as setup, expect } from "@playwright/test";

import { DEMO, E2E } from "./env";
import { SignInPage } from "./pages/sign-in-page";

/**
 * The suite's first sign-ins reach a portal that has just started, while the other groups start
 * theirs on the same two cores: one took more than the usual 10 s in CI.
 */
const FIRST_SIGN_IN_MS = 30_000;

setup("sign in as the dealer once for the suite", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO.dealer.email, DEMO.dealer.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.dealer.name}` })).toBeVisible({
    timeout: FIRST_SIGN_IN_MS,
  });
  await page.context().storageState({ path: E2E.dealerState });
});

setup("sign in as wholesaler staff once for the suite", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO.admin.email, DEMO.admin.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.admin.name}` })).toBeVisible({
    timeout: FIRST_SIGN_IN_MS,
  });
  await page.context().storageState({ path: E2E.adminState });
});

setup("sign in as the dealer without the product list once for the suite", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO.limited.email, DEMO.limited.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${DEMO.limited.name}` })).toBeVisible({
    timeout: FIRST_SIGN_IN_MS,
  });
  await page.context().storageState({ path: E2E.limitedState });
});
