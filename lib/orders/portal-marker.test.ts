import { describe, expect, it } from "vitest";

import { attemptMarker } from "@/lib/checkout/order-request";

import { billingCompany, deliveryCompany } from "./addresses";
import { notesWithoutMarker, orderForPeople } from "./portal-marker";

describe("the portal's marker in an order's notes", () => {
  it("is taken out of the notes the checkout writes, leaving what the dealer typed", () => {
    const marker = attemptMarker("9GR22HQX7Y4J");
    expect(notesWithoutMarker(["Bel even aan", marker].join("\n\n"))).toBe("Bel even aan");
    expect(notesWithoutMarker(marker)).toBeNull();
    expect(notesWithoutMarker(`Eerst ${marker} dan dit`)).not.toContain("[portal");
    expect(notesWithoutMarker(`Regel 1\n\n${marker}\n\n\nRegel 2`)).toBe("Regel 1\n\nRegel 2");
    expect(notesWithoutMarker(null)).toBeNull();
    expect(notesWithoutMarker("Leave [portal] and [Portal notes] alone")).toBe(
      "Leave [portal] and [Portal notes] alone",
    );
  });

  it("an order for people carries no marker; one without a marker is returned as it is", () => {
    const plain = { id: "1", notes: "Spoed" };
    expect(orderForPeople(plain)).toBe(plain);
    expect(orderForPeople({ id: "2", notes: `Spoed\n\n${attemptMarker("ABCDEFGHJKLM")}` })).toEqual({
      id: "2",
      notes: "Spoed",
    });
  });
});

describe("the companies on an order's addresses", () => {
  const acme = { code: "EA00001", name: "Acme Corporation", address: null } as never;
  it("a drop-shipped order is delivered to the end customer's company and billed to the dealer", () => {
    const order = { dropship: true, companyName: "Camping De Kreek", customer: acme };
    expect(deliveryCompany(order)).toBe("Camping De Kreek");
    expect(billingCompany(order)).toBe("Acme Corporation");
  });

  it("a drop-shipped order without an end customer's company names none on the delivery address", () => {
    expect(deliveryCompany({ dropship: true, companyName: "Acme Corporation", customer: acme })).toBeNull();
  });

  it("an order to the dealer's own address names the dealer", () => {
    expect(deliveryCompany({ dropship: false, companyName: "Acme Corporation", customer: acme })).toBe(
      "Acme Corporation",
    );
  });
});
