import { describe, expect, it } from "vitest";

import { safeReturnPath } from "./return-path";

/**
 * Known ways to turn a "return to" parameter into an off-site redirect (or a header that breaks
 * the response). Each must come back as "/"; `from` arrives here already percent-decoded once
 * (as Next's searchParams hand it over), so both raw and encoded forms are listed.
 */
const BYPASSES: string[] = [
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/%2509/evil.example",
  "/\n/evil.example",
  "/%0a/evil.example",
  "/\r\n/evil.example",
  "/%0d%0a/evil.example",
  "/orders%0d%0aSet-Cookie:%20x=1",
  "/orders\r\nSet-Cookie: x=1",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%252F%252Fevil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/.//evil.example",
  "/./%2F/evil.example",
  "/../..//evil.example",
  "/x/..//evil.example",
  "https://evil.example",
  "HTTPS://evil.example/orders",
  "http:evil.example",
  "//user@evil.example",
  "//portal.example@evil.example",
  "https://portal.invalid@evil.example/",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "/javascript:alert(1)//evil",
  "data:text/html,<script>alert(1)</script>",
  " //evil.example",
  "\t//evil.example",
  "/ /evil.example",
  "/\u3002evil.example",
  "/ev\u0130l",
  "/caf\u00e9",
  "/\u2215\u2215evil.example",
  "/\uff0f\uff0fevil.example",
  "/%E3%80%82/%2F",
  "/\u0000/evil.example",
  "/%00//evil.example",
  "/%ED%A0%80",
  "/%",
  "evil.example",
  "?next=//evil.example",
  "#//evil.example",
  "/sign-in",
  "/sign-in?from=//evil.example",
  "/SIGN-IN",
  "/session-expired?from=/orders",
  "/api/auth/signout",
  "/API/auth/signout",
  "",
  `/${"a".repeat(3000)}`,
];

describe("safeReturnPath", () => {
  it.each(BYPASSES)("drops %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("lists at least thirty bypass forms", () => {
    expect(BYPASSES.length).toBeGreaterThanOrEqual(30);
  });

  it.each([
    ["/", "/"],
    ["/orders", "/orders"],
    ["/orders?status=shipped", "/orders?status=shipped"],
    ["/search?q=caf%C3%A9&page=2", "/search?q=caf%C3%A9&page=2"],
    ["/products/AB-123#prices", "/products/AB-123#prices"],
    ["/catalogue/tenten/luifels", "/catalogue/tenten/luifels"],
    ["/orders/../cart", "/cart"],
    ["/sign-out-help", "/sign-out-help"],
  ])("keeps the portal path %j as %j", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it("ignores anything that is not a string", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath(null)).toBe("/");
    expect(safeReturnPath(["/orders"])).toBe("/");
  });

  it("never returns a value that resolves off the portal or cannot go in a header", () => {
    for (const value of BYPASSES) {
      const kept = safeReturnPath(value);
      expect(new URL(kept, "https://portal.example").origin).toBe("https://portal.example");
      expect(kept).toMatch(/^[\x21-\x7e]+$/);
    }
  });
});
