import { describe, expect, it } from "vitest";

import { cleanQuery, isEan13, likePrefix, prefixTsQuery, searchWords } from "./search-terms";

describe("search terms", () => {
  it("keeps letters and digits of any script, drops operators", () => {
    expect(searchWords("Kookplaat 2-pits & (RVS) | !")).toEqual(["kookplaat", "2", "pits", "rvs"]);
    expect(searchWords("Ölabscheider’s")).toEqual(["ölabscheider", "s"]);
    expect(searchWords("':* & |")).toEqual([]);
  });

  it("builds a prefix query of every word", () => {
    expect(prefixTsQuery(["kookpl", "2"])).toBe("kookpl:* & 2:*");
    expect(prefixTsQuery([])).toBeNull();
    expect(prefixTsQuery(["kookplaat", "2"], "|", (word) => word === "kookplaat")).toBe("kookplaat | 2:*");
  });

  it("escapes LIKE wildcards", () => {
    expect(likePrefix("A0_1%")).toBe("a0\\_1\\%%");
  });

  it("bounds and trims the query", () => {
    expect(cleanQuery("  a   b  ")).toBe("a b");
    expect(cleanQuery("x".repeat(500))).toHaveLength(200);
  });

  it("checks the EAN-13 check digit", () => {
    expect(isEan13("4015704284195")).toBe(true);
    expect(isEan13("4015704284196")).toBe(false);
    expect(isEan13("4006381333931")).toBe(true);
    expect(isEan13("400638133393")).toBe(false);
  });
});
