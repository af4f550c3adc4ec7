import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  customType,
  type AnyPgColumn,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

import type { Media } from "@/lib/domain/media";
import type { PriceTier, ProductAttribute } from "@/lib/domain/product";

/**
 * The portal's own database: the catalogue mirror (categories, products, sync
 * state) and, later, carts, checkout attempts and the audit log. One schema for
 * embedded PGlite and a Postgres server.
 */

/** A part number in lower case without spaces or punctuation: how the search compares vendor item numbers. */
export function compactPartNumber(column: SQL | AnyPgColumn): SQL {
  return sql`regexp_replace(lower(${column}), '[^a-z0-9]', '', 'g')`;
}

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const categories = pgTable(
  "categories",
  {
    code: text("code").primaryKey(),
    upstreamId: text("upstream_id").notNull(),
    title: text("title").notNull(),
    level: integer("level").notNull(),
    parentCode: text("parent_code"),
    /** Codes from the root to this category (the upstream's `path_new`). */
    pathCodes: text("path_codes").array().notNull(),
    position: integer("position").notNull().default(0),
    isGroup: boolean("is_group").notNull().default(false),
    media: jsonb("media").$type<Media[]>().notNull().default([]),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("categories_parent_idx").on(table.parentCode, table.position)],
);

/** Full-text document of a product: title weighs most, then part numbers and attributes, then the description. */
const searchDocument = (title: SQL, attributes: SQL, description: SQL) =>
  sql`setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('dutch', ${title}), 'A') || setweight(to_tsvector('english', ${title}), 'A') || setweight(to_tsvector('dutch', ${attributes}), 'B') || setweight(to_tsvector('english', ${attributes}), 'B') || setweight(to_tsvector('dutch', ${description}), 'C') || setweight(to_tsvector('english', ${description}), 'C')`;

export const products = pgTable(
  "products",
  {
    sku: text("sku").primaryKey(),
    title: text("title"),
    description: text("description"),
    vendorItemNo: text("vendor_item_no"),
    ocsid: text("ocsid"),
    barcode: text("barcode"),
    barcodeType: text("barcode_type"),
    blocked: boolean("blocked").notNull().default(false),
    expiring: boolean("expiring").notNull().default(false),
    dropshipable: boolean("dropshipable").notNull().default(false),
    isBigParcel: boolean("is_big_parcel").notNull().default(false),
    blister: boolean("blister").notNull().default(false),
    consumer: boolean("consumer").notNull().default(false),
    priceUnit: text("price_unit").notNull(),
    salesUnit: text("sales_unit").notNull(),
    salesUnitAmount: integer("sales_unit_amount").notNull().default(1),
    prices: jsonb("prices").$type<PriceTier[]>().notNull().default([]),
    /** List price ex VAT of the first tier, for sorting; null when on demand or unknown. */
    basePrice: numeric("base_price", { precision: 12, scale: 4, mode: "number" }),
    vatRate: integer("vat_rate"),
    priceOnDemand: boolean("price_on_demand").notNull().default(false),
    stockColour: text("stock_colour"),
    stockUpdatedAt: timestamp("stock_updated_at", { withTimezone: true }),
    media: jsonb("media").$type<Media[]>().notNull().default([]),
    files: jsonb("files").$type<Media[]>().notNull().default([]),
    attributes: jsonb("attributes").$type<ProductAttribute[]>().notNull().default([]),
    customs: jsonb("customs").$type<{ code: string | null; label: string | null; origin: string | null } | null>(),
    /** Codes of the categories the product is placed in. */
    categoryCodes: text("category_codes")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Those categories and all their ancestors: a category page lists products whose paths contain its code. */
    categoryPaths: text("category_paths")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Attribute titles and descriptions as one text, for search. */
    attributeText: text("attribute_text").notNull().default(""),
    lastModified: timestamp("last_modified", { withTimezone: true }),
    updateCount: integer("update_count").notNull().default(0),
    /** False once the product vanished from the upstream's list; kept for order history. */
    available: boolean("available").notNull().default(true),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search")
      .notNull()
      .generatedAlwaysAs((): SQL =>
        searchDocument(
          sql`coalesce(${products.title}, '')`,
          sql`${products.attributeText}`,
          sql`coalesce(${products.description}, '')`,
        ),
      ),
  },
  (table) => [
    // No pending list (fastupdate): PGlite has no autovacuum to merge it, and every search would
    // read all of it first. Sorted searches read this index; ranked ones product_search's.
    index("products_search_idx").using("gin", table.search).with({ fastupdate: false }),
    index("products_category_paths_idx").using("gin", table.categoryPaths).with({ fastupdate: false }),
    index("products_sku_lower_idx").on(sql`lower(${table.sku}) text_pattern_ops`),
    // Vendor item numbers compacted ("HBG 2335" as "hbg2335"), as dealers type them.
    index("products_vendor_item_no_compact_idx").on(sql`${compactPartNumber(table.vendorItemNo)} text_pattern_ops`),
    index("products_barcode_idx").on(sql`${table.barcode} text_pattern_ops`),
    // The default order of a category (in stock first, then by title): a big category's first
    // page is read in order instead of sorting all its products.
    index("products_relevance_idx")
      .on(
        sql`(${table.stockColour} = 'green') desc nulls last`,
        sql`lower(coalesce(${table.title}, ${table.sku}))`,
        table.sku,
      )
      .where(sql`${table.available}`),
    index("products_title_sort_idx").on(sql`lower(coalesce(${table.title}, ${table.sku}))`),
    index("products_base_price_idx").on(table.basePrice),
  ],
);

/** Watermarks and counters of the catalogue sync, one row per kind of sync. */
export const syncState = pgTable("sync_state", {
  kind: text("kind").primaryKey(),
  /** The newest `last_modified` fully stored: the next incremental run asks for what changed since. */
  watermark: timestamp("watermark", { withTimezone: true }),
  watermarkUpdateCount: integer("watermark_update_count"),
  firstCompletedAt: timestamp("first_completed_at", { withTimezone: true }),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }),
  lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
});

/** One line per sync run, for the status view and the logs. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    outcome: text("outcome").notNull().default("running"),
    listed: integer("listed").notNull().default(0),
    stored: integer("stored").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    vanished: integer("vanished").notNull().default(0),
    upstreamCalls: integer("upstream_calls").notNull().default(0),
    /** The sync's own words (English, as in the logs): an error's message, or why the run stopped early. */
    message: text("message"),
    /** Why the run did not simply succeed, as a code the staff page says in words (lib/catalogue/sync/run-reasons.ts). */
    reason: text("reason"),
  },
  (table) => [index("sync_runs_kind_started_idx").on(table.kind, table.startedAt)],
);

/**
 * What a search by words reads of a product, and nothing else: its search document and the keys
 * it is ranked and filtered by. A product's row is about 1.8 kB (pictures, attributes, prices);
 * this one about 0.5 kB, so a common word's few thousand matches are read from a few hundred
 * pages instead of a few thousand. Kept in step with `products` by triggers (migration 0006), in
 * the same transaction as every write of a product, whoever writes it.
 */
export const productSearch = pgTable(
  "product_search",
  {
    sku: text("sku").primaryKey(),
    search: tsvector("search").notNull(),
    /** `stock_colour = 'green'` (null when the colour is unknown): in stock first. */
    green: boolean("green"),
    /** `lower(coalesce(title, sku))`: the order within a rank. */
    titleKey: text("title_key").notNull(),
    available: boolean("available").notNull(),
    dropshipable: boolean("dropshipable").notNull(),
  },
  (table) => [
    index("product_search_search_idx").using("gin", table.search).with({ fastupdate: false }),
    // SKU prefixes ranked by search read this narrow copy in SKU order, not the products' wide rows.
    index("product_search_sku_lower_idx").on(sql`lower(${table.sku}) text_pattern_ops`),
  ],
);

/**
 * The words of product titles and attributes (letters only, four or more): what a misspelt query
 * word is corrected to, by trigram similarity. Kept by the sync (lib/catalogue/store/search-words.ts):
 * a word goes when no available product has it any more. Searches read them all into memory
 * (lib/catalogue/catalogue-words.ts), so the table needs no index but its key.
 */
export const searchWords = pgTable("search_words", {
  word: text("word").primaryKey(),
  /** How many available products have the word: the commoner of two equally close words wins. */
  documents: integer("documents").notNull().default(1),
});

/** Products whose detail could not be fetched: retried by later runs; they hold the watermark back. */
export const syncFailures = pgTable("sync_failures", {
  sku: text("sku").primaryKey(),
  lastModified: timestamp("last_modified", { withTimezone: true }),
  attempts: integer("attempts").notNull().default(1),
  lastError: text("last_error").notNull(),
  /** Why the last attempt failed, as a code the staff page says in the reader's language (run-reasons.ts); null before reasons were kept. */
  reason: text("reason"),
  nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
});

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = typeof products.$inferInsert;

/** A cart per signed-in user and active customer: the same on phone and desktop, kept across sign-outs. */
export const carts = pgTable(
  "carts",
  {
    id: serial("id").primaryKey(),
    /** The person: their email as the upstream knows it. */
    userKey: text("user_key").notNull(),
    customerCode: text("customer_code").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("carts_user_customer_idx").on(table.userKey, table.customerCode)],
);

export const cartLines = pgTable(
  "cart_lines",
  {
    cartId: integer("cart_id")
      .notNull()
      .references(() => carts.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    /** In price units; a multiple of the product's sales unit amount. */
    quantity: integer("quantity").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.cartId, table.sku] })],
);

/**
 * One try to send a cart as an order. Recorded before the upstream is called,
 * so that an unknown outcome (time-out, 502, dropped connection, restart) is
 * resolved by looking the order up before anything is sent again.
 */
export const checkoutAttempts = pgTable(
  "checkout_attempts",
  {
    /**
     * Also the marker in the order's notes by which the order is found in GET /orders. Chosen by the
     * server, but sent back by the browser: an attempt is only ever found together with its owner.
     */
    id: text("id").notNull(),
    userKey: text("user_key").notNull(),
    customerCode: text("customer_code").notNull(),
    /** The customer code of the person themselves: differs when staff order for another customer. */
    actorCustomerCode: text("actor_customer_code").notNull(),
    actorName: text("actor_name").notNull(),
    /** pending → sending → placed | rejected | unknown | failed (retryable) */
    state: text("state").notNull(),
    request: jsonb("request").$type<Record<string, unknown>>().notNull(),
    cartSnapshot: jsonb("cart_snapshot").$type<{ sku: string; quantity: number }[]>().notNull(),
    sends: integer("sends").notNull().default(0),
    upstreamOrderId: text("upstream_order_id"),
    upstreamStatus: text("upstream_status"),
    outcome: jsonb("outcome").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "checkout_attempts_owner_pk", columns: [table.userKey, table.customerCode, table.id] }),
    index("checkout_attempts_owner_idx").on(table.userKey, table.customerCode, table.createdAt),
  ],
);

/** Who acted for which customer, and when: switches and orders placed for another customer. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorEmail: text("actor_email").notNull(),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    customerCode: text("customer_code").notNull(),
    orderId: text("order_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** Repeats of the same entry (a refused switch tried again and again) are folded into one row. */
    count: integer("count").notNull().default(1),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("audit_log_at_idx").on(table.at),
    index("audit_log_last_at_idx").on(table.lastAt),
    index("audit_log_fold_idx").on(table.actorEmail, table.action, table.customerCode, table.lastAt),
  ],
);

/**
 * A signed-in session. Its id travels in the encrypted session cookie and is checked on every
 * request: signing out, a 401 from the upstream, or staff losing their permission end it here, so
 * a copy of the cookie saved before is worth nothing after.
 */
export const portalSessions = pgTable(
  "portal_sessions",
  {
    id: text("id").primaryKey(),
    /** The person (as in carts) and their own customer code. */
    userKey: text("user_key").notNull(),
    customerCode: text("customer_code").notNull(),
    /** What the upstream's GET /me said last; re-read every few minutes. */
    permissions: text("permissions").array().notNull(),
    features: text("features").array().notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** signed-out | upstream-refused | permissions-changed */
    endReason: text("end_reason"),
  },
  (table) => [
    index("portal_sessions_user_idx").on(table.userKey),
    index("portal_sessions_expires_idx").on(table.expiresAt),
  ],
);

/**
 * Failed sign-ins, counted per key (an account, an address, an account from one address) in the
 * database, so that every instance counts together and a restart forgets nothing.
 */
export const signInFailures = pgTable("sign_in_failures", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});

/**
 * The lines of the customer's orders as the portal has read them (order details it showed, orders it
 * placed and read back): the dealer's last price paid per SKU and "buy again". Kept per customer,
 * never shown to another. Idempotent: reading an order again replaces its lines.
 */
export const purchasedLines = pgTable(
  "purchased_lines",
  {
    customerCode: text("customer_code").notNull(),
    orderId: text("order_id").notNull(),
    sku: text("sku").notNull(),
    /** In price units, as ordered. */
    quantity: integer("quantity").notNull(),
    /** What the wholesaler charged per price unit on that order (the sold price); null when not told. */
    unitPrice: numeric("unit_price", { precision: 14, scale: 4 }),
    currency: text("currency").notNull().default("EUR"),
    orderedAt: timestamp("ordered_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "purchased_lines_pk", columns: [table.customerCode, table.orderId, table.sku] }),
    index("purchased_lines_sku_idx").on(table.customerCode, table.sku, table.orderedAt),
  ],
);

/** A customer's favourite products: every user of the customer code shares them. */
export const favourites = pgTable(
  "favourites",
  {
    customerCode: text("customer_code").notNull(),
    sku: text("sku").notNull(),
    addedBy: text("added_by").notNull(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ name: "favourites_pk", columns: [table.customerCode, table.sku] })],
);

/** A customer's named order list ("Monthly restock"). The id is random: it says nothing and guesses find nothing. */
export const orderLists = pgTable(
  "order_lists",
  {
    id: text("id").primaryKey(),
    customerCode: text("customer_code").notNull(),
    name: text("name").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("order_lists_customer_idx").on(table.customerCode, table.updatedAt)],
);

export const orderListLines = pgTable(
  "order_list_lines",
  {
    listId: text("list_id")
      .notNull()
      .references(() => orderLists.id, { onDelete: "cascade" }),
    sku: text("sku").notNull(),
    /** In price units; rounded to the sales unit when the list goes into the cart. */
    quantity: integer("quantity").notNull(),
    /** The dealer's own order of the lines. */
    position: integer("position").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: "order_list_lines_pk", columns: [table.listId, table.sku] }),
    index("order_list_lines_position_idx").on(table.listId, table.position),
  ],
);

/** A drop-ship address the customer chose to keep for later orders. */
export const deliveryAddresses = pgTable(
  "delivery_addresses",
  {
    id: text("id").primaryKey(),
    customerCode: text("customer_code").notNull(),
    /** The checkout's drop-ship fields (first and last name, company, street, house number, postcode, city, country, phone, VAT number). */
    address: jsonb("address").$type<Record<string, string>>().notNull(),
    /** Name, company and city in lower case: what the address book is searched by. */
    searchText: text("search_text").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("delivery_addresses_customer_idx").on(table.customerCode, table.updatedAt)],
);

export type CartLineRow = typeof cartLines.$inferSelect;
export type CheckoutAttemptRow = typeof checkoutAttempts.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
export type PortalSessionRow = typeof portalSessions.$inferSelect;
export type PurchasedLineRow = typeof purchasedLines.$inferSelect;
export type OrderListRow = typeof orderLists.$inferSelect;
export type OrderListLineRow = typeof orderListLines.$inferSelect;
export type DeliveryAddressRow = typeof deliveryAddresses.$inferSelect;
