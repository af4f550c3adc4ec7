import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { checkSession } from "./session-check";
import { endPortalSession, findPortalSession, pruneSessions } from "./session-store";
import { signInWithPassword, signInWithToken, type SignInContext } from "./sign-in";

/**
 * Revocable sessions against the real simulator and a real PGlite: a session lives only while the
 * server's record does; sign-out, a refused token and lost staff permissions end it.
 */

let simulator: RunningSimulator;
let handle: DatabaseHandle;
const RECHECK_MS = 5 * 60 * 1000;

function upstream(token: string | undefined) {
  return new UpstreamClient(
    { baseUrl: simulator.url, token, timeoutMs: 2_000, readAttempts: 1, sleep: async () => {} },
    "/media",
  );
}

function context(address = "192.0.2.10"): SignInContext {
  return {
    db: handle.db,
    address,
    limits: { perAccountAndAddress: 5, perAddress: 20, perAccount: 100, windowMs: 15 * 60 * 1000 },
    upstream,
    serviceToken: "sim-service-token",
    sessionMaxAgeMs: 8 * 60 * 60 * 1000,
  };
}

const check = (token: Parameters<typeof checkSession>[1], now = new Date()) =>
  checkSession(handle.db, token, { recheckMs: RECHECK_MS, me: (t) => upstream(t).me(), now });

async function signIn(email: string) {
  const result = await signInWithPassword(context(), { email, password: "demo1234" });
  if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
  return result.session;
}

beforeAll(async () => {
  simulator = await startSimulator({ products: 50, controlKey: "k", seed: "auth-tests" });
  handle = await openMemoryDatabase();
});

afterAll(async () => {
  await handle?.close();
  await simulator?.close();
});

describe("who the person is", () => {
  it("a user the wholesaler keeps without an e-mail address is known by the address they signed in with, not by name", async () => {
    simulator.sim.variants.set({ variants: ["me-without-email"] });
    try {
      const result = await signInWithPassword(context("192.0.2.77"), {
        email: "Dealer@Acme.example",
        password: "demo1234",
      });
      if (!result.ok) throw new Error(`sign-in failed: ${result.error}`);
      expect(result.session.email).toBe("dealer@acme.example");
      expect((await findPortalSession(handle.db, result.session.sessionId))?.userKey).toBe("dealer@acme.example");
      // A token gives no address to sign in with: such a user stays known by customer and name.
      const byToken = await signInWithToken(context("192.0.2.78"), {
        token: (await upstream(undefined).issueToken("dealer@acme.example", "demo1234"))!.token,
      });
      if (!byToken.ok) throw new Error(`token sign-in failed: ${byToken.error}`);
      expect(byToken.session.email).toBeNull();
    } finally {
      simulator.sim.variants.set({ variants: [] });
    }
  });
});

describe("revocable sessions", () => {
  it("a sign-in records a session whose id is in the cookie, and it is live", async () => {
    const session = await signIn("dealer@acme.example");
    expect(session.sessionId).toMatch(/^[\w-]{40,}$/);
    const row = await findPortalSession(handle.db, session.sessionId);
    expect(row).toMatchObject({ customerCode: "EA00001", userKey: "dealer@acme.example", endedAt: null });
    expect(await check(session)).toMatchObject({ status: "live" });
  });

  it("a signed-out session's cookie opens nothing, and a cookie without a known id neither", async () => {
    const session = await signIn("dealer@acme.example");
    await endPortalSession(handle.db, session.sessionId, "signed-out");
    expect(await check(session)).toEqual({ status: "none" });
    expect(await check({ ...session, sessionId: "made-up" })).toEqual({ status: "none" });
    expect(await check({ ...session, sessionId: "" })).toEqual({ status: "none" });
  });

  it("a 401 from GET /me at the periodic re-read ends the session", async () => {
    const session = await signIn("limited@bakker.example");
    simulator.sim.tokens.expireToken(session.upstreamToken);
    // Within five minutes nothing is asked; after them, the upstream's 401 ends it.
    expect(await check(session)).toMatchObject({ status: "live" });
    const later = new Date(Date.now() + RECHECK_MS + 1000);
    expect(await check(session, later)).toEqual({ status: "ended", reason: "upstream-refused" });
    expect(await check(session, later)).toEqual({ status: "ended", reason: "upstream-refused" });
    expect((await findPortalSession(handle.db, session.sessionId))?.endReason).toBe("upstream-refused");
  });

  it("staff who lose the companies permission are signed out at the next re-read", async () => {
    const session = await signIn("admin@wholesaler.example");
    simulator.sim.tokens.setAccess("admin@wholesaler.example", { permissions: [] });
    try {
      expect(await check(session)).toMatchObject({ status: "live", session: { permissions: ["companies"] } });
      const later = new Date(Date.now() + RECHECK_MS + 1000);
      expect(await check(session, later)).toEqual({ status: "ended", reason: "permissions-changed" });
    } finally {
      simulator.sim.tokens.setAccess("admin@wholesaler.example", { permissions: ["companies"] });
    }
  });

  it("a changed feature set is taken over from GET /me, not from the cookie", async () => {
    const session = await signIn("dealer@acme.example");
    simulator.sim.tokens.setAccess("dealer@acme.example", { features: [] });
    try {
      const later = new Date(Date.now() + RECHECK_MS + 1000);
      const state = await check(session, later);
      expect(state).toMatchObject({ status: "live", session: { features: [] } });
      // The next request within five minutes reads the record, whatever the cookie says.
      expect(await check(session, new Date(later.getTime() + 1000))).toMatchObject({ session: { features: [] } });
    } finally {
      simulator.sim.tokens.setAccess("dealer@acme.example", { features: ["PRODUCT_LIST"] });
    }
  });

  it("a session whose upstream token ran out is ended as expired", async () => {
    const session = await signIn("dealer@acme.example");
    expect(await check({ ...session, upstreamExpiresAt: Date.now() - 1000 })).toEqual({
      status: "ended",
      reason: "expired",
    });
  });

  it("the sync's service token is refused by the token form; a user's token signs in", async () => {
    expect(await signInWithToken(context(), { token: "sim-service-token" })).toEqual({
      ok: false,
      error: "CredentialsSignin",
    });
    const issued = await upstream(undefined).issueToken("dealer@acme.example", "demo1234");
    const result = await signInWithToken(context(), { token: issued.token });
    expect(result).toMatchObject({ ok: true, session: { customerCode: "EA00001" } });
  });
});

describe("old sessions", () => {
  it("are forgotten a day after they ended or ran out; live ones stay", async () => {
    const live = await signIn("dealer@acme.example");
    const ended = await signIn("dealer@acme.example");
    await endPortalSession(handle.db, ended.sessionId, "signed-out", new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
    await pruneSessions(handle.db);
    expect(await findPortalSession(handle.db, ended.sessionId)).toBeNull();
    expect(await findPortalSession(handle.db, live.sessionId)).not.toBeNull();
  });
});
