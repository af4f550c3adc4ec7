import { describe, expect, it } from "vitest";

import { parseEnv } from "./env";

const SECRET = "0123456789abcdef0123456789abcdef0123";

describe("parseEnv", () => {
  it("refuses a production server without NEXTAUTH_URL (no silent http://localhost:3000)", () => {
    expect(() => parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET })).toThrow(/NEXTAUTH_URL: required/);
  });

  it("takes NEXTAUTH_URL in production, and lets `next build` run without it", () => {
    expect(
      parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: "https://portal.example/" })
        .NEXTAUTH_URL,
    ).toBe("https://portal.example");
    expect(
      parseEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: SECRET, NEXT_PHASE: "phase-production-build" }).NEXTAUTH_URL,
    ).toBe("http://localhost:3000");
  });

  it("defaults to the local address in development", () => {
    expect(parseEnv({ NEXTAUTH_SECRET: SECRET }).NEXTAUTH_URL).toBe("http://localhost:3000");
  });

  it("reads the sign-in limits, the trusted proxy hops and the re-read interval", () => {
    const env = parseEnv({ NEXTAUTH_SECRET: SECRET });
    expect(env.TRUSTED_PROXY_HOPS).toBe(0);
    expect(env.SESSION_RECHECK_SECONDS).toBe(300);
    expect(env.SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_ADDRESS).toBeLessThan(env.SIGN_IN_ATTEMPTS_PER_ADDRESS);
    expect(env.SIGN_IN_ATTEMPTS_PER_ADDRESS).toBeLessThan(env.SIGN_IN_ATTEMPTS_PER_ACCOUNT);
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, SESSION_RECHECK_SECONDS: "600" })).toThrow(
      /SESSION_RECHECK_SECONDS/,
    );
    expect(() => parseEnv({ NEXTAUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});
