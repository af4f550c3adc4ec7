import { describe, expect, it } from "vitest";

import { courierOf, trackingUrl } from "./tracking";

const NL = { postcode: "1234 ab", country: "NL" };

describe("tracking links per courier", () => {
  it("DHL", () => {
    expect(trackingUrl("DHL", "JVGL0612345678901234", NL)).toBe(
      "https://www.dhl.com/nl-en/home/tracking.html?tracking-id=JVGL0612345678901234&submit=1",
    );
    expect(trackingUrl("DHL", "JD0146000030000000000", null, "nl")).toBe(
      "https://www.dhl.com/nl-nl/home/tracking.html?tracking-id=JD0146000030000000000&submit=1",
    );
  });

  it("PostNL with the delivery country and postcode, spaces out, upper case", () => {
    expect(trackingUrl("PostNL", "3SABCD1234567", NL)).toBe(
      "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-NL-1234AB",
    );
    expect(trackingUrl("postnl", "3SABCD1234567", { postcode: "1000", country: "België" })).toBe(
      "https://jouw.postnl.nl/track-and-trace/3SABCD1234567-BE-1000",
    );
  });

  it("PostNL without a postcode or a readable country has no link", () => {
    expect(trackingUrl("PostNL", "3SABCD1234567", null)).toBeNull();
    expect(trackingUrl("PostNL", "3SABCD1234567", { postcode: null, country: "NL" })).toBeNull();
    expect(trackingUrl("PostNL", "3SABCD1234567", { postcode: "1234AB", country: "Atlantis" })).toBeNull();
  });

  it("DPD", () => {
    expect(trackingUrl("DPD", "05212345678901", NL)).toBe("https://tracking.dpd.de/status/en_US/parcel/05212345678901");
    expect(trackingUrl("DPD", "05212345678901", NL, "nl")).toBe(
      "https://tracking.dpd.de/status/nl_NL/parcel/05212345678901",
    );
  });

  it("GLS", () => {
    expect(trackingUrl("GLS", "12345678901", NL)).toBe("https://gls-group.eu/NL/en/parcel-tracking?match=12345678901");
    expect(trackingUrl("GLS", "12345678901", NL, "nl")).toBe(
      "https://gls-group.eu/NL/nl/pakket-volgen?match=12345678901",
    );
  });

  it("UPS", () => {
    expect(trackingUrl("UPS", "1Z999AA10123456784", NL)).toBe(
      "https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784",
    );
    expect(trackingUrl("ups", "1Z999AA10123456784", NL, "nl")).toBe(
      "https://www.ups.com/track?loc=nl_NL&tracknum=1Z999AA10123456784",
    );
  });

  it("URL-encodes the code, so a strange one cannot leave its parameter or path", () => {
    expect(trackingUrl("DHL", "AB&submit=0#x")).toBe(
      "https://www.dhl.com/nl-en/home/tracking.html?tracking-id=AB%26submit%3D0%23x&submit=1",
    );
    expect(trackingUrl("DPD", "../../evil?x=1")).toBe(
      "https://tracking.dpd.de/status/en_US/parcel/..%2F..%2Fevil%3Fx%3D1",
    );
    expect(trackingUrl("PostNL", "3S/X", { postcode: "12#4", country: "NL" })).toBe(
      "https://jouw.postnl.nl/track-and-trace/3S%2FX-NL-12%234",
    );
  });

  it("drops white space a copied label brings along", () => {
    expect(trackingUrl("GLS", " 1234 5678 901 ")).toBe("https://gls-group.eu/NL/en/parcel-tracking?match=12345678901");
  });

  it("an unknown courier or an empty code gives no link (plain text)", () => {
    expect(trackingUrl("Bpost", "123")).toBeNull();
    expect(trackingUrl("", "123")).toBeNull();
    expect(trackingUrl(null, "123")).toBeNull();
    expect(trackingUrl("DHL", "   ")).toBeNull();
    expect(trackingUrl("DHL", null)).toBeNull();
  });

  it("reads the couriers' names in their common spellings", () => {
    expect(["DHL Parcel", "dhl-express", "DHL eCommerce"].map(courierOf)).toEqual(["dhl", "dhl", "dhl"]);
    expect(["Post NL", " POSTNL ", "PostNL Pakketten"].map(courierOf)).toEqual(["postnl", "postnl", "postnl"]);
    expect(["DPD Predict", "GLS NL", "UPS Standard", "United Parcel Service"].map(courierOf)).toEqual([
      "dpd",
      "gls",
      "ups",
      "ups",
    ]);
    expect(["Upside Logistics", "TNT Express"].map(courierOf)).toEqual([null, null]);
  });
});
