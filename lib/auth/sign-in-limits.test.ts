import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { signInFailures } from "@/lib/db/schema";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { FIRST_DELAY_MS, recordSignInFailure, signInBlockedForSeconds, type SignInLimits } from "./sign-in-limits";
import { signInWithPassword, signInWithToken, type SignInContext } from "./sign-in";

/** The sign-in limits on a real PGlite (the counters are rows, shared by instances) and the real simulator. */

let simulator: RunningSimulator;
let handle: DatabaseHandle;
const LIMITS: SignInLimits = { perAccountAndAddress: 5, perAddress: 20, perAccount: 100, windowMs: 15 * 60 * 1000 };
const DEALER = "dealer@acme.example";

function context(address: string, db = handle.db): SignInContext {
  return {
    db,
    address,
    limits: LIMITS,
    upstream: (token) =>
      new UpstreamClient({ baseUrl: simulator.url, token, timeoutMs: 2_000, readAttempts: 1 }, "/media"),
    serviceToken: "sim-service-token",
    sessionMaxAgeMs: 60 * 60 * 1000,
  };
}

const wrong = (address: string, email = DEALER) =>
  signInWithPassword(context(address), { email, password: "wrong-password" });
const right = (address: string, email = DEALER) =>
  signInWithPassword(context(address), { email, password: "demo1234" });

beforeAll(async () => {
  simulator = await startSimulator({ products: 20, controlKey: "k", seed: "limits-tests" });
  handle = await openMemoryDatabase();
});

beforeEach(async () => {
  await handle.db.delete(signInFailures);
});

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

describe("sign-in limits", () => {
  it("five wrong passwords from one address hold that address back, with a delay that grows", async () => {
    for (let i = 0; i < 5; i++) expect(await wrong("203.0.113.7")).toEqual({ ok: false, error: "CredentialsSignin" });
    const blocked = await wrong("203.0.113.7");
    expect(blocked).toMatchObject({ ok: false, error: "RateLimited" });
    expect((blocked as { retryAfterSeconds: number }).retryAfterSeconds).toBe(FIRST_DELAY_MS / 1000);
    // The right password from that address waits too: the limit does not tell which guess was right.
    expect(await right("203.0.113.7")).toMatchObject({ ok: false, error: "RateLimited" });
    // Each further failure doubles the delay.
    const attempt = { account: DEALER, address: "203.0.113.7" };
    const later = new Date(Date.now() + FIRST_DELAY_MS + 1000);
    await recordSignInFailure(handle.db, attempt, LIMITS, later);
    expect(await signInBlockedForSeconds(handle.db, attempt, later)).toBe((2 * FIRST_DELAY_MS) / 1000);
  });

  it("a stranger's five wrong passwords do not lock the dealer out of their own address", async () => {
    for (let i = 0; i < 6; i++) await wrong("198.51.100.66");
    expect(await wrong("198.51.100.66")).toMatchObject({ error: "RateLimited" });
    expect(await right("192.0.2.10")).toMatchObject({ ok: true, session: { customerCode: "EA00001" } });
  });

  it("one address trying many accounts is stopped by the per-address limit", async () => {
    for (let i = 0; i < 20; i++) await wrong("203.0.113.9", `nobody${i}@example.invalid`);
    expect(await wrong("203.0.113.9", "someone-else@example.invalid")).toMatchObject({ error: "RateLimited" });
    expect(await right("203.0.113.10")).toMatchObject({ ok: true });
  });

  it("the token form counts against the address too", async () => {
    for (let i = 0; i < 5; i++) {
      expect(await signInWithToken(context("203.0.113.20"), { token: `1|not-a-token-${i}` })).toMatchObject({
        error: "CredentialsSignin",
      });
    }
    expect(await signInWithToken(context("203.0.113.20"), { token: "1|not-a-token-x" })).toMatchObject({
      error: "RateLimited",
    });
  });

  it("the counters are rows in the database (what every instance reads), keyed without the email address", async () => {
    for (let i = 0; i < 5; i++) await wrong("203.0.113.30");
    const rows = await handle.db.select().from(signInFailures);
    expect(rows.map((row) => row.key).join(" ")).not.toContain(DEALER);
    expect(rows.some((row) => row.failures === 5 && row.blockedUntil)).toBe(true);
    expect(await signInBlockedForSeconds(handle.db, { account: DEALER, address: "203.0.113.30" })).toBeGreaterThan(0);
  });

  it("a counter starts again once its window has passed", async () => {
    const attempt = { account: DEALER, address: "203.0.113.40" };
    const start = new Date();
    for (let i = 0; i < 4; i++) await recordSignInFailure(handle.db, attempt, LIMITS, start);
    const nextWindow = new Date(start.getTime() + LIMITS.windowMs + 1000);
    await recordSignInFailure(handle.db, attempt, LIMITS, nextWindow);
    expect(await signInBlockedForSeconds(handle.db, attempt, nextWindow)).toBe(0);
  });
});
