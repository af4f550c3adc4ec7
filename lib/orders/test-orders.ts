import type { Order, OrderLine } from "@/lib/domain/order";

/** Builders of portal-shaped orders for the unit tests of this folder. */

export function line(overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    title: "Dometic Kookplaat 2-Pits HBG 2335",
    barcode: "4015704284195",
    sku: "A0009953",
    salesUnit: "STUKS",
    priceUnit: "STUKS",
    salesUnitAmount: 1,
    quantity: 2,
    listPrice: 49.99,
    discount: null,
    reference: "HBG 2335",
    customerPrice: 39.99,
    soldPrice: 39.99,
    vatRate: 21,
    ...overrides,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 100_001,
    updatedAt: new Date("2024-05-01T10:00:00Z"),
    status: "processing",
    statusRaw: "processing",
    creatorName: "Daan de Vries",
    customer: { code: "EA00001", name: "Acme Corporation", address: null },
    dropship: false,
    vatNumber: "NL123456789B01",
    companyName: "Acme Corporation",
    reference: "PO123456",
    notes: null,
    test: false,
    billingAddress: null,
    shippingAddress: {
      firstName: "Jane",
      lastName: "Doe",
      street: "Elm Street",
      number: "456",
      addition: "B",
      street2: null,
      number2: null,
      addition2: null,
      city: "Rotterdam",
      postcode: "5678 CD",
      country: "NL",
      phone: null,
      deliveryNote: null,
    },
    lines: [line()],
    shipments: [],
    ...overrides,
  };
}
