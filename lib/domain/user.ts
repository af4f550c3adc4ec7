/** The signed-in person as the upstream's `GET /me` describes them. */
export interface UpstreamUser {
  name: string;
  email: string | null;
  customerCode: string;
  permissions: string[];
  features: string[];
}

/** Wholesaler staff: may act for any customer. */
export const PERMISSION_COMPANIES = "companies";
/** May call the product SKU list. */
export const FEATURE_PRODUCT_LIST = "PRODUCT_LIST";
