/**
 * Everything that ties the portal to the wholesaler's wire protocol and is only
 * assumed (see ../shared/upstream-api.md): paths, methods, auth header and the
 * media URL template. A deployment adapts the portal to the real API here.
 */
export const endpoints = {
  authToken: { method: "POST", path: "/auth/token" },
  me: { method: "GET", path: "/me" },
  companies: { method: "GET", path: "/companies" },
  company: { method: "GET", path: "/companies/{company}" },
  orders: { method: "GET", path: "/orders" },
  order: { method: "GET", path: "/orders/{order}" },
  createOrder: { method: "POST", path: "/orders" },
  orderStatus: { method: "GET", path: "/orders/{order}/status" },
  productSkus: { method: "GET", path: "/products" },
  product: { method: "GET", path: "/products/{product}" },
  productByBarcode: { method: "GET", path: "/products/barcode/{barcode}" },
  stockColours: { method: "GET", path: "/stock/color" },
  stockNumeric: { method: "GET", path: "/stock/numeric" },
  categories: { method: "GET", path: "/categories" },
  category: { method: "GET", path: "/categories/{category}" },
  categoryChildren: { method: "GET", path: "/categories/{category}/children" },
} as const satisfies Record<string, { method: "GET" | "POST"; path: string }>;

export type EndpointName = keyof typeof endpoints;

/** Headers of every call; `token` is the session's or the service credential. */
export function upstreamHeaders(token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** Query parameter names as the upstream spells them (Laravel's array syntax for lists). */
export const queryNames = {
  statusList: "status[]",
  customerId: "customer_id",
  page: "page",
  perPage: "per_page",
  category: "category",
  updateCount: "update_count",
  modifiedSince: "modified_since",
  barcode: "barcode",
  listType: "listtype",
  output: "output",
} as const;

/** Where a media file of the upstream is served. */
export function mediaUrl(mediaBase: string, media: { hash: string; ext: string }): string {
  return `${mediaBase}/${encodeURIComponent(media.hash)}.${encodeURIComponent(media.ext)}`;
}

/** Fills `{name}` placeholders of a path; every value is URL-encoded. */
export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}
