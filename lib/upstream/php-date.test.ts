import { describe, expect, it } from "vitest";

import { phpDateToInstant, PhpDateError, toUpstreamMinute } from "./php-date";

const amsterdam = (date: string) => ({ date, timezone_type: 3, timezone: "Europe/Amsterdam" });

describe("phpDateToInstant", () => {
  it("reads a zone name in winter (CET, +01:00)", () => {
    expect(phpDateToInstant(amsterdam("2024-01-01 12:00:00.000000")).toISOString()).toBe("2024-01-01T11:00:00.000Z");
  });

  it("reads a zone name in summer (CEST, +02:00)", () => {
    expect(phpDateToInstant(amsterdam("2024-07-01 12:00:00.000000")).toISOString()).toBe("2024-07-01T10:00:00.000Z");
  });

  it("crosses the spring change: 01:59 is +1, 03:00 is +2", () => {
    expect(phpDateToInstant(amsterdam("2024-03-31 01:59:00.000000")).toISOString()).toBe("2024-03-31T00:59:00.000Z");
    expect(phpDateToInstant(amsterdam("2024-03-31 03:00:00.000000")).toISOString()).toBe("2024-03-31T01:00:00.000Z");
  });

  it("moves a wall-clock time skipped in spring forward by the gap", () => {
    expect(phpDateToInstant(amsterdam("2024-03-31 02:30:00.000000")).toISOString()).toBe("2024-03-31T01:30:00.000Z");
  });

  it("takes the first of the repeated autumn hour, and the right offset on either side", () => {
    expect(phpDateToInstant(amsterdam("2024-10-27 02:30:00.000000")).toISOString()).toBe("2024-10-27T00:30:00.000Z");
    expect(phpDateToInstant(amsterdam("2024-10-27 01:30:00.000000")).toISOString()).toBe("2024-10-26T23:30:00.000Z");
    expect(phpDateToInstant(amsterdam("2024-10-27 03:30:00.000000")).toISOString()).toBe("2024-10-27T02:30:00.000Z");
  });

  it("reads UTC as a zone name (the reference's create response)", () => {
    expect(
      phpDateToInstant({ date: "2023-10-05 14:48:00.000000", timezone_type: 3, timezone: "UTC" }).toISOString(),
    ).toBe("2023-10-05T14:48:00.000Z");
  });

  it("reads an offset (timezone_type 1)", () => {
    expect(
      phpDateToInstant({ date: "2024-07-01 12:00:00.000000", timezone_type: 1, timezone: "+02:00" }).toISOString(),
    ).toBe("2024-07-01T10:00:00.000Z");
    expect(
      phpDateToInstant({ date: "2024-07-01 12:00:00.000000", timezone_type: 1, timezone: "-05:30" }).toISOString(),
    ).toBe("2024-07-01T17:30:00.000Z");
  });

  it("reads an abbreviation (timezone_type 2)", () => {
    expect(phpDateToInstant({ date: "2024-01-01 12:00:00", timezone_type: 2, timezone: "CET" }).toISOString()).toBe(
      "2024-01-01T11:00:00.000Z",
    );
    expect(phpDateToInstant({ date: "2024-07-01 12:00:00", timezone_type: 2, timezone: "CEST" }).toISOString()).toBe(
      "2024-07-01T10:00:00.000Z",
    );
  });

  it("keeps milliseconds of the microseconds", () => {
    expect(phpDateToInstant(amsterdam("2024-01-01 12:00:00.123456")).toISOString()).toBe("2024-01-01T11:00:00.123Z");
  });

  it("rejects what it cannot read", () => {
    expect(() => phpDateToInstant(amsterdam("yesterday"))).toThrow(PhpDateError);
    expect(() => phpDateToInstant({ date: "2024-01-01 12:00:00", timezone_type: 3, timezone: "Mars/Olympus" })).toThrow(
      PhpDateError,
    );
    expect(() => phpDateToInstant({ date: "2024-01-01 12:00:00", timezone_type: 2, timezone: "XYZ" })).toThrow(
      PhpDateError,
    );
    expect(() => phpDateToInstant({ date: "2024-01-01 12:00:00", timezone_type: 7, timezone: "UTC" })).toThrow(
      PhpDateError,
    );
  });
});

describe("toUpstreamMinute", () => {
  it("formats the product list's modified_since", () => {
    expect(toUpstreamMinute(new Date("2025-01-01T00:00:59Z"))).toBe("2025-01-01 00:00");
    expect(toUpstreamMinute(new Date("2025-07-01T10:05:00Z"), "Europe/Amsterdam")).toBe("2025-07-01 12:05");
  });
});
