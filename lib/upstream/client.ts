import "server-only";

import type { Category } from "@/lib/domain/category";
import type { Company } from "@/lib/domain/company";
import type { CreatedOrder, Order, OrderStatus, OrderStatusReport } from "@/lib/domain/order";
import type { Product, ProductListEntry, StockColour } from "@/lib/domain/product";
import type { UpstreamUser } from "@/lib/domain/user";

import type { EndpointName } from "./endpoints";
import { queryNames } from "./endpoints";
import { UpstreamError } from "./errors";
import * as map from "./map";
import type { OrderCreateBody } from "./order-create";
import { Transport, type TransportOptions } from "./transport";
import * as wire from "./wire";

export interface CompanyPage {
  companies: Company[];
  page: number;
  lastPage: number;
  total: number | null;
}

export interface IssuedToken {
  token: string;
  /** When the upstream says the token stops working; null when it does not say. */
  expiresAt: Date | null;
}

/** Runs a mapping and turns a value it cannot read (a bad date, say) into a malformed-answer error. */
function mapped<T>(endpoint: EndpointName, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof UpstreamError) throw error;
    throw new UpstreamError("malformed", {
      endpoint,
      upstreamMessage: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}

/**
 * The wholesaler API, one method per endpoint, answering in the portal's own
 * shapes. Built per credential: a signed-in user's token or the service token.
 */
export class UpstreamClient {
  private readonly transport: Transport;

  constructor(
    options: TransportOptions,
    private readonly mediaBase: string,
  ) {
    this.transport = new Transport(options);
  }

  async issueToken(username: string, password: string, now = Date.now()): Promise<IssuedToken> {
    const body = await this.transport.request({
      endpoint: "authToken",
      body: { username, password },
      schema: wire.token,
    });
    const seconds = body.expires_in;
    return { token: body.access_token, expiresAt: seconds && seconds > 0 ? new Date(now + seconds * 1000) : null };
  }

  async me(): Promise<UpstreamUser> {
    return map.mapUser(await this.transport.request({ endpoint: "me", schema: wire.me }));
  }

  async companies(page = 1, perPage?: number): Promise<CompanyPage> {
    const body = await this.transport.request({
      endpoint: "companies",
      query: { [queryNames.page]: page, [queryNames.perPage]: perPage },
      schema: wire.paginatedCompanies,
    });
    return mapped("companies", () => ({
      companies: body.data.map(map.mapCompany),
      page: body.meta?.current_page ?? page,
      lastPage: body.meta?.last_page ?? page,
      total: body.meta?.total ?? null,
    }));
  }

  async company(code: string): Promise<Company> {
    const body = await this.transport.request({
      endpoint: "company",
      pathParams: { company: code },
      schema: wire.company,
    });
    return map.mapCompany(body);
  }

  async orders(filter: { customerId?: string; statuses?: readonly OrderStatus[] } = {}): Promise<Order[]> {
    const body = await this.transport.request({
      endpoint: "orders",
      query: {
        [queryNames.customerId]: filter.customerId,
        [queryNames.statusList]: filter.statuses?.length ? filter.statuses : undefined,
      },
      schema: wire.orderList,
    });
    return mapped("orders", () => body.map(map.mapOrder));
  }

  async order(id: number): Promise<Order> {
    const body = await this.transport.request({ endpoint: "order", pathParams: { order: id }, schema: wire.order });
    return mapped("order", () => map.mapOrder(body));
  }

  async orderStatus(id: number): Promise<OrderStatusReport> {
    const body = await this.transport.request({
      endpoint: "orderStatus",
      pathParams: { order: id },
      query: { [queryNames.output]: "json" },
      schema: wire.orderStatusJson,
    });
    return map.mapOrderStatus(body.status, body.updated_at);
  }

  /** Sends an order. Never retried here: whether to send again is the checkout's decision. */
  async createOrder(body: OrderCreateBody, signal?: AbortSignal): Promise<CreatedOrder> {
    const answer = await this.transport.request({
      endpoint: "createOrder",
      body,
      schema: wire.createdOrder,
      signal,
    });
    return mapped("createOrder", () => map.mapCreatedOrder(answer));
  }

  async productSkus(
    filter: { category?: string; updateCount?: number; modifiedSince?: string; barcodes?: string[] } = {},
    signal?: AbortSignal,
  ): Promise<ProductListEntry[]> {
    const body = await this.transport.request({
      endpoint: "productSkus",
      query: {
        [queryNames.category]: filter.category,
        [queryNames.updateCount]: filter.updateCount,
        [queryNames.modifiedSince]: filter.modifiedSince,
        [queryNames.barcode]: filter.barcodes?.length ? filter.barcodes.join(",") : undefined,
      },
      schema: wire.productList,
      signal,
    });
    return mapped("productSkus", () => body.map(map.mapProductListEntry));
  }

  async product(sku: string, signal?: AbortSignal): Promise<Product> {
    const body = await this.transport.request({
      endpoint: "product",
      pathParams: { product: sku },
      schema: wire.product,
      signal,
    });
    return mapped("product", () => map.mapProduct(this.mediaBase, body));
  }

  async productByBarcode(barcode: string): Promise<Product> {
    const body = await this.transport.request({
      endpoint: "productByBarcode",
      pathParams: { barcode },
      schema: wire.product,
    });
    return mapped("productByBarcode", () => map.mapProduct(this.mediaBase, body));
  }

  /** Stock as colours; `modifiedSince` is an instant, sent as ISO 8601. */
  async stockColours(
    options: { modifiedSince?: Date; listType?: "flat" | "nested" } = {},
  ): Promise<Map<string, StockColour>> {
    const body = await this.transport.request({
      endpoint: "stockColours",
      query: {
        [queryNames.listType]: options.listType,
        [queryNames.modifiedSince]: options.modifiedSince?.toISOString(),
      },
      schema: wire.stockColours,
    });
    return map.mapStockColours(body);
  }

  async stockNumeric(options: { modifiedSince?: Date } = {}): Promise<Map<string, StockColour>> {
    const body = await this.transport.request({
      endpoint: "stockNumeric",
      query: { [queryNames.modifiedSince]: options.modifiedSince?.toISOString() },
      schema: wire.stockNumbers,
    });
    return map.mapStockNumbers(body);
  }

  async categories(): Promise<Category[]> {
    const body = await this.transport.request({ endpoint: "categories", schema: wire.categoryList });
    return mapped("categories", () => body.map((item) => map.mapCategory(this.mediaBase, item)));
  }

  async category(code: string): Promise<Category | null> {
    const body = await this.transport.request({
      endpoint: "category",
      pathParams: { category: code },
      schema: wire.categoryList,
    });
    return mapped("category", () => {
      const first = body[0];
      return first ? map.mapCategory(this.mediaBase, first) : null;
    });
  }

  async categoryChildren(code: string): Promise<Category[]> {
    const body = await this.transport.request({
      endpoint: "categoryChildren",
      pathParams: { category: code },
      schema: wire.categoryList,
    });
    return mapped("categoryChildren", () => body.map((item) => map.mapCategory(this.mediaBase, item)));
  }
}
