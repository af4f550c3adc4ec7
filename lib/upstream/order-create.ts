/** The body of `POST /orders`, with the upstream's field names (`vatNumber`, `houseNumberExtension`). */
export interface OrderCreateBody {
  reference: string;
  notes?: string;
  test?: boolean;
  /** Only when ordering for another customer (wholesaler staff). */
  customercode?: string;
  /** Present for a drop-shipment to an end customer; absent to deliver to the customer's own address. */
  shipping?: {
    first_name: string;
    last_name: string;
    company?: string;
    vatNumber?: string;
    phone?: string;
    address: {
      street: string;
      houseNumber: string;
      houseNumberExtension?: string;
      city: string;
      postcode: string;
      country: string;
      note?: string;
    };
  };
  products: { sku: string; amount: number; price?: number; vatrate?: number }[];
}
