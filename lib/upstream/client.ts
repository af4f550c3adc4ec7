import "server-only";

import type { Category } from "@/lib/domain/category";
import type { Company } from "@/lib/domain/company";
import type { CreatedOrder, Order, OrderId, OrderStatus, OrderStatusReport } from "@/lib/domain/order";
import type { Product, ProductListEntry, StockColour } from "@/lib/domain/product";
import type { UpstreamUser } from "@/lib/domain/user";

import { z } from "zod";

import type { EndpointName } from "./endpoints";
import { queryNames } from "./endpoints";
import { UpstreamError } from "./errors";
import {
  processLogger,
  describeProblem,
  followableNext,
  logProblems,
  readEnvelope,
  readRecords,
  recordId,
  toListed,
  toListedMap,
  type Envelope,
  type Listed,
  type ListedMap,
  type ListRead,
  type RecordProblem,
  type UpstreamLogger,
} from "./lists";
import { readOrderLeniently, type LenientOrder } from "./lenient-order";
import * as map from "./map";
import type { OrderCreateBody } from "./order-create";
import { Transport, type QueryValue, type TransportOptions } from "./transport";
import * as wire from "./wire";

export type { Listed, ListedMap, ListRead, UpstreamLogger } from "./lists";
export type { LenientOrder } from "./lenient-order";

export interface CompanyPage {
  companies: Company[];
  page: number;
  lastPage: number;
  total: number | null;
  /** Companies on this page left out because they could not be read. */
  skipped: number;
}

export interface ClientOptions extends TransportOptions {
  /** Where records left out of a list are reported (once per call). Default: the process's JSON log. */
  logger?: UpstreamLogger;
  /** Most pages one list read follows (`links.next`). Default 500. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 500;
const anyJson = z.unknown();

interface ListSpec<W, T> {
  endpoint: EndpointName;
  pathParams?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  record: z.ZodType<W>;
  /** Maps one parsed record; problems inside it (a bad child category) go to `problems`. */
  map: (value: W, problems: RecordProblem[]) => T;
  /** Fields that identify a record in the log: order id, company code, SKU. */
  idKeys: readonly string[];
}

/** One page of `endpoint` as a malformed-answer error when it is not a list at all. */
function notAList(endpoint: EndpointName): UpstreamError {
  return new UpstreamError("malformed", { endpoint, upstreamMessage: "(body): expected a list" });
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
 *
 * Lists (orders, companies, categories, the SKU list, stock) are read record by
 * record and page by page (see lists.ts): a record that cannot be read is left
 * out and logged once per call, and a Laravel page's `links.next` is followed.
 * The list methods answer an ordinary array (or map, for stock) that also
 * carries `skipped` (how many records were left out), `skippedIds` and, for
 * arrays, `complete` (false when a further page was announced but not read).
 */
export class UpstreamClient {
  private readonly transport: Transport;
  private readonly logger: UpstreamLogger;
  private readonly maxPages: number;

  constructor(
    private readonly options: ClientOptions,
    private readonly mediaBase: string,
  ) {
    this.transport = new Transport(options);
    this.logger = options.logger ?? processLogger;
    this.maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
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

  /** One page of companies, as the staff's switcher pages them; `allCompanies` follows the pages itself. */
  async companies(page = 1, perPage?: number): Promise<CompanyPage> {
    const problems: RecordProblem[] = [];
    const envelope = await this.readPage({
      endpoint: "companies",
      query: { [queryNames.page]: page, [queryNames.perPage]: perPage },
    });
    const companies = readRecords(envelope.records as unknown[], wire.company, map.mapCompany, ["code"], problems);
    logProblems(this.logger, "companies", problems);
    const current = envelope.currentPage ?? page;
    return {
      companies,
      page: current,
      lastPage: envelope.lastPage ?? (envelope.next ? current + 1 : current),
      total: envelope.total,
      skipped: problems.length,
    };
  }

  /** Every company, following the list's pages (bounded). */
  async allCompanies(perPage = 100): Promise<Listed<Company>> {
    const read = await this.readList({
      endpoint: "companies",
      query: { [queryNames.perPage]: perPage },
      record: wire.company,
      map: map.mapCompany,
      idKeys: ["code"],
    });
    return toListed(read);
  }

  async company(code: string): Promise<Company> {
    const body = await this.transport.request({
      endpoint: "company",
      pathParams: { company: code },
      schema: wire.company,
    });
    return map.mapCompany(body);
  }

  async orders(filter: { customerId?: string; statuses?: readonly OrderStatus[] } = {}): Promise<Listed<Order>> {
    const read = await this.readList({
      endpoint: "orders",
      query: {
        [queryNames.customerId]: filter.customerId,
        [queryNames.statusList]: filter.statuses?.length ? filter.statuses : undefined,
      },
      record: wire.order,
      map: map.mapOrder,
      idKeys: ["id"],
    });
    return toListed(read);
  }

  /** One order by the upstream's id: a number, or the text of an id such as `ORD123456`. */
  async order(id: OrderId): Promise<Order> {
    const body = await this.transport.request({ endpoint: "order", pathParams: { order: id }, schema: wire.order });
    return mapped("order", () => map.mapOrder(body));
  }

  /**
   * One order read as far as it can be (see lenient-order.ts): what could not
   * be read is left out and named in `unreadable` (logged once, by path), so
   * that a page can show the rest with a clear message instead of an error.
   * Malformed only when not even the order's id can be read.
   */
  async orderAsFarAsReadable(id: OrderId): Promise<LenientOrder> {
    const raw = await this.transport.request({ endpoint: "order", pathParams: { order: id }, schema: anyJson });
    const read = readOrderLeniently(raw);
    if (!read) {
      throw new UpstreamError("malformed", { endpoint: "order", upstreamMessage: "(body): not an order with an id" });
    }
    if (read.unreadable.length > 0) {
      this.logger.warn(
        `upstream order: id ${read.order.id.replace(/[^\w.\-/]/g, "?").slice(0, 40)} read without ${read.unreadable.join(", ")}`,
      );
    }
    return read;
  }

  async orderStatus(id: OrderId): Promise<OrderStatusReport> {
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
  ): Promise<Listed<ProductListEntry>> {
    const read = await this.readList({
      endpoint: "productSkus",
      query: {
        [queryNames.category]: filter.category,
        [queryNames.updateCount]: filter.updateCount,
        [queryNames.modifiedSince]: filter.modifiedSince,
        [queryNames.barcode]: filter.barcodes?.length ? filter.barcodes.join(",") : undefined,
      },
      record: wire.productListEntry,
      map: map.mapProductListEntry,
      idKeys: ["sku"],
      signal,
    });
    return toListed(read);
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
  ): Promise<ListedMap<string, StockColour>> {
    return this.readStock(
      "stockColours",
      {
        [queryNames.listType]: options.listType,
        [queryNames.modifiedSince]: options.modifiedSince?.toISOString(),
      },
      map.stockColourOf,
    );
  }

  async stockNumeric(options: { modifiedSince?: Date } = {}): Promise<ListedMap<string, StockColour>> {
    return this.readStock(
      "stockNumeric",
      { [queryNames.modifiedSince]: options.modifiedSince?.toISOString() },
      map.stockNumberOf,
    );
  }

  async categories(): Promise<Listed<Category>> {
    return toListed(await this.readList(this.categorySpec("categories")));
  }

  async category(code: string): Promise<Category | null> {
    const read = await this.readList(this.categorySpec("category", code));
    return read.items[0] ?? null;
  }

  async categoryChildren(code: string): Promise<Listed<Category>> {
    return toListed(await this.readList(this.categorySpec("categoryChildren", code)));
  }

  private categorySpec(
    endpoint: "categories" | "category" | "categoryChildren",
    code?: string,
  ): ListSpec<z.infer<typeof wire.category>, Category> {
    return {
      endpoint,
      pathParams: code === undefined ? undefined : { category: code },
      record: wire.category,
      map: (value, problems) =>
        map.mapCategory(this.mediaBase, value, (raw, error) =>
          problems.push({ id: recordId(raw, ["code", "id"]), problem: describeProblem(error) }),
        ),
      idKeys: ["code", "id"],
    };
  }

  /**
   * A whole list: every page, every record that can be read. Pages are read one
   * after the other, each with the read time-out and retries of one call, up to
   * `maxPages`; a next link to another host is never followed.
   */
  async readList<W, T>(spec: ListSpec<W, T>): Promise<ListRead<T>> {
    const problems: RecordProblem[] = [];
    const items: T[] = [];
    const seen = new Set<string>();
    let pages = 0;
    let complete = true;
    let url: string | undefined;
    let query = spec.query;
    for (;;) {
      const envelope = await this.readPage({ ...spec, url, query });
      pages++;
      const records = envelope.records as unknown[];
      items.push(...readRecords(records, spec.record, (value) => spec.map(value, problems), spec.idKeys, problems));
      const next = this.nextPage(envelope, query);
      if (next === null) break;
      if (next === "elsewhere") {
        complete = false;
        this.logger.warn(`upstream ${spec.endpoint}: the next page is on another host; not followed`);
        break;
      }
      const key = next.url ?? JSON.stringify(next.query);
      if (seen.has(key)) break;
      seen.add(key);
      if (pages >= this.maxPages) {
        complete = false;
        this.logger.warn(`upstream ${spec.endpoint}: stopped after ${pages} pages; the list has more`);
        break;
      }
      url = next.url;
      query = next.query ?? query;
    }
    logProblems(this.logger, spec.endpoint, problems);
    return {
      items,
      skipped: problems.length,
      skippedIds: problems.flatMap((problem) => (problem.id === null ? [] : [problem.id])),
      pages,
      complete,
    };
  }

  /** One page of a list of records (a bare array or a page whose `data` is an array). */
  private async readPage(request: {
    endpoint: EndpointName;
    pathParams?: Record<string, string | number>;
    query?: Record<string, QueryValue>;
    url?: string;
    signal?: AbortSignal;
  }): Promise<Envelope> {
    const raw = await this.transport.request({ ...request, schema: anyJson });
    const envelope = readEnvelope(raw);
    if (!envelope || !Array.isArray(envelope.records)) throw notAList(request.endpoint);
    return envelope;
  }

  /** The next page: its link (on the upstream's own host), or the page number after `meta.current_page`. */
  private nextPage(
    envelope: Envelope,
    query: Record<string, QueryValue> | undefined,
  ): { url?: string; query?: Record<string, QueryValue> } | "elsewhere" | null {
    if (envelope.next !== null) {
      const url = followableNext(this.options.baseUrl, envelope.next);
      return url === null ? "elsewhere" : { url };
    }
    const { currentPage, lastPage } = envelope;
    if (envelope.paged && currentPage !== null && lastPage !== null && currentPage < lastPage) {
      return { query: { ...query, [queryNames.page]: currentPage + 1 } };
    }
    return null;
  }

  /** A stock list, nested (`[{"sku": value}]`) or flat (`{"sku": value}`), bare or paged; each entry on its own. */
  private async readStock(
    endpoint: "stockColours" | "stockNumeric",
    query: Record<string, QueryValue>,
    valueOf: (value: unknown) => StockColour | null,
  ): Promise<ListedMap<string, StockColour>> {
    const result = new Map<string, StockColour>();
    const problems: RecordProblem[] = [];
    const seen = new Set<string>();
    let url: string | undefined;
    let currentQuery = query;
    for (let pages = 1; ; pages++) {
      const raw = await this.transport.request({ endpoint, query: currentQuery, url, schema: anyJson });
      const envelope = readEnvelope(raw, true);
      if (!envelope) throw notAList(endpoint);
      const entries: Array<[string, unknown]> = [];
      if (Array.isArray(envelope.records)) {
        for (const item of envelope.records) {
          if (item && typeof item === "object" && !Array.isArray(item)) entries.push(...Object.entries(item));
          else problems.push({ id: null, problem: "(record): expected an object of SKU and stock" });
        }
      } else {
        entries.push(...Object.entries(envelope.records));
      }
      for (const [sku, value] of entries) {
        const colour = valueOf(value);
        if (colour === null) problems.push({ id: recordId({ sku }, ["sku"]), problem: "stock: not a stock value" });
        else result.set(sku, colour);
      }
      const next = this.nextPage(envelope, currentQuery);
      if (next === null || next === "elsewhere" || pages >= this.maxPages) break;
      const key = next.url ?? JSON.stringify(next.query);
      if (seen.has(key)) break;
      seen.add(key);
      url = next.url;
      currentQuery = next.query ?? currentQuery;
    }
    logProblems(this.logger, endpoint, problems);
    return toListedMap(
      result,
      problems.length,
      problems.flatMap((problem) => (problem.id === null ? [] : [problem.id])),
    );
  }
}
