import { expect, type Page } from "@playwright/test";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(from?: string) {
    await this.page.goto(from ? `/sign-in?from=${encodeURIComponent(from)}` : "/sign-in");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel("Email address").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async signInWithToken(token: string) {
    await this.page.getByText("Sign in with an API token").click();
    await this.page.getByLabel("API token").fill(token);
    await this.page.getByRole("button", { name: "Sign in with token" }).click();
  }

  async signOut() {
    await this.page.locator("summary").filter({ hasText: "Account" }).click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page.getByRole("status")).toHaveText("You have been signed out.");
  }

  async expectError(text: string | RegExp) {
    await expect(this.page.getByRole("alert").filter({ hasText: text })).toBeVisible();
  }
}
