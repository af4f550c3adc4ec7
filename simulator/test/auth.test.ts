/** Tokens: issue, use, expire (by TTL on real time, by control call), and the fixed service token. */
import { describe, expect, it } from "vitest";
import { testSim, USERS } from "./helpers.js";

describe("auth", () => {
  it("issues Bearer tokens with the configured lifetime", async () => {
    const t = testSim({ tokenTtlSeconds: 120 });
    const response = await t.call("POST", "/auth/token", { json: { username: USERS.dealer, password: "demo1234" } });
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe("Bearer");
    expect(body.expires_in).toBe(120);
    expect(body.access_token).toMatch(/^\d+\|[0-9a-f]{40}$/);
  });

  it("accepts form-encoded credentials and any case of the email", async () => {
    const t = testSim();
    const response = await t.call("POST", "/auth/token", {
      body: "username=DEALER%40acme.example&password=demo1234",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(200);
  });

  it("answers 401 on a wrong password or unknown user", async () => {
    const t = testSim();
    for (const json of [
      { username: USERS.dealer, password: "wrong" },
      { username: "nobody@example.invalid", password: "demo1234" },
    ]) {
      const response = await t.call("POST", "/auth/token", { json });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "These credentials do not match our records." });
    }
  });

  it("answers 422 when credentials are missing or not strings", async () => {
    const t = testSim();
    const response = await t.call("POST", "/auth/token", { json: { username: 5 } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: Record<string, string[]> };
    expect(body.errors.username).toEqual(["The username field must be a string."]);
    expect(body.errors.password).toEqual(["The password field is required."]);
  });

  it("describes each demo user on /me", async () => {
    const t = testSim();
    const tokens = await t.tokens();
    const me = async (token: string) => (await t.call("GET", "/me", { token })).json();
    expect(await me(tokens.dealer)).toEqual({
      name: "Daan de Vries",
      email: "dealer@acme.example",
      customer_code: "EA00001",
      permissions: [],
      features: ["PRODUCT_LIST"],
    });
    expect(await me(tokens.admin)).toEqual({
      name: "Wendy Groothandel",
      email: "admin@wholesaler.example",
      customer_code: "WH00001",
      permissions: ["companies"],
      features: ["PRODUCT_LIST"],
    });
    expect(await me(tokens.limited)).toEqual({
      name: "Bram Bakker",
      email: "limited@bakker.example",
      customer_code: "EA00002",
      permissions: [],
      features: [],
    });
    expect(await me(tokens.service)).toMatchObject({
      customer_code: "WH00001",
      permissions: ["companies"],
      features: ["PRODUCT_LIST"],
    });
  });

  it("answers 401 Unauthenticated without a token, with an unknown one or a malformed header", async () => {
    const t = testSim();
    for (const headers of [{}, { Authorization: "Bearer nope" }, { Authorization: "Basic abc" }] as Array<
      Record<string, string>
    >) {
      const response = await t.call("GET", "/me", { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: "Unauthenticated." });
    }
  });

  it("expires tokens after their lifetime, on real time", async () => {
    let now = Date.UTC(2025, 0, 1);
    const t = testSim({ tokenTtlSeconds: 60, now: () => now, timeScale: 60 });
    const token = await t.token("dealer");
    now += 59_000;
    expect((await t.call("GET", "/me", { token })).status).toBe(200);
    now += 1_000;
    expect((await t.call("GET", "/me", { token })).status).toBe(401);
    expect((await t.call("GET", "/me", { token: "sim-service-token" })).status).toBe(200);
  });

  it("uses a configured service token that never expires", async () => {
    let now = Date.UTC(2025, 0, 1);
    const t = testSim({ serviceToken: "sync-secret", now: () => now });
    now += 365 * 86_400_000;
    expect((await t.call("GET", "/products", { token: "sync-secret" })).status).toBe(200);
    expect((await t.call("GET", "/products", { token: "sim-service-token" })).status).toBe(401);
  });

  it("expires one token, or all tokens of a user, on demand", async () => {
    const t = testSim();
    const first = await t.token("dealer");
    const second = await t.token("dealer");
    const admin = await t.token("admin");
    expect(await t.control("POST", "tokens/expire", { token: first })).toEqual({ expired: 1 });
    expect((await t.call("GET", "/me", { token: first })).status).toBe(401);
    expect((await t.call("GET", "/me", { token: second })).status).toBe(200);
    expect(await t.control("POST", "tokens/expire", { email: USERS.dealer })).toEqual({ expired: 1 });
    expect((await t.call("GET", "/me", { token: second })).status).toBe(401);
    expect((await t.call("GET", "/me", { token: admin })).status).toBe(200);
  });

  it("lists every held token for leak checks, and keeps tokens valid across a reset", async () => {
    const t = testSim();
    const token = await t.token("limited");
    const { tokens } = await t.control<{ tokens: Array<{ token: string; service: boolean }> }>("GET", "tokens");
    expect(tokens.map((entry) => entry.token)).toEqual(expect.arrayContaining([token, "sim-service-token"]));
    expect(tokens.find((entry) => entry.token === "sim-service-token")?.service).toBe(true);
    await t.control("POST", "reset");
    expect((await t.call("GET", "/me", { token })).status).toBe(200);
  });
});
