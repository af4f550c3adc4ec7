import { describe, expect, it } from "vitest";

import type { Company } from "@/lib/domain/company";

import { filterCompanies } from "./companies";

const company = (code: string, name: string, city: string): Company => ({
  code,
  name,
  address: {
    street: "",
    number: "",
    numberSuffix: null,
    postalCode: "",
    city,
    countryCode: "NL",
    country: "NL",
    shippingEmail: null,
    isDefault: true,
  },
});

const list = [
  company("EA00002", "Bakker Campers", "Utrecht"),
  company("EA00001", "Acme Corporation", "Amsterdam"),
  company("DE00003", "Camping Müller", "Köln"),
];

describe("filterCompanies", () => {
  it("matches every word over code, name and city", () => {
    expect(filterCompanies(list, "camp").map((c) => c.code)).toEqual(["EA00002", "DE00003"]);
    expect(filterCompanies(list, "camp köln").map((c) => c.code)).toEqual(["DE00003"]);
    expect(filterCompanies(list, "amsterdam").map((c) => c.code)).toEqual(["EA00001"]);
  });

  it("puts codes that start with the query first", () => {
    expect(filterCompanies(list, "ea").map((c) => c.code)).toEqual(["EA00001", "EA00002"]);
  });
});
