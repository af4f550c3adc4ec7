import "server-only";

import { createHash, randomUUID } from "node:crypto";

import { createFormatter } from "next-intl";
import { NextResponse, type NextRequest } from "next/server";

import { isStaff } from "@/lib/acting/policy";
import { stateOfToken } from "@/lib/auth/session";
import { companyLabel, type SessionToken } from "@/lib/auth/session-types";
import { cartLineCount } from "@/lib/cart/read";
import { catalogueCache } from "@/lib/catalogue/cache-queries";
import { mayListProducts } from "@/lib/catalogue/orderable";
import { categoryPageTags, showCategory } from "@/lib/catalogue/browse";
import { catalogueReadiness } from "@/lib/catalogue/readiness";
import { SEARCH_PAGE_TAGS, searchCatalogue } from "@/lib/catalogue/search-catalogue";
import { looksLikeBarcode } from "@/lib/catalogue/search-terms";
import { productPageTags, showMirroredProduct } from "@/lib/catalogue/show-product";
import { VAT_COOKIE } from "@/lib/catalogue/vat-preference";
import { favouriteSkus } from "@/lib/favourites/favourite-skus";
import { getEnv } from "@/lib/env";
import { FORMATS } from "@/lib/i18n/formats";
import { chosenLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { listLists } from "@/lib/lists/read";
import { log } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { boughtSkusFor } from "@/lib/purchases/buy-again";
import { lastPriceTexts, orderPathOf } from "@/lib/purchases/last-price-texts";
import { lastPricesFor } from "@/lib/purchases/last-prices";
import { scanOwnerKey } from "@/lib/scan/owner-key";
import { upstreamLooksDown } from "@/lib/upstream/availability";

import { CopyStore } from "./copy-store";
import {
  compileDocument,
  escapeForPayload,
  escapeHtml,
  fillDocument,
  type DocumentTemplate,
} from "./document-template";
import { cartShape, COUNT_PLACEHOLDER, hasPlaceholderCharacters, shapeMarkValue } from "./personal-placeholders";
import {
  DOCUMENT_SOURCE_HEADER,
  isFillRequest,
  localAddress,
  renderOwnPage,
  replayedHeaders,
} from "./shared-documents";

/**
 * Product, category and search pages answered from a shared copy with each user's own parts filled in
 * (issue 19: a page rendered once serves every dealer whose state gives it the same shape).
 *
 * Such a page is the same for every dealer but for a few parts: their name, company and e-mail in
 * the header, the cart's line count, the favourite stars, "Bought before", the price they paid last,
 * their lists in "Add to list", and the choices those make (a favourite or not, how many lists, a
 * cart of 0, 1 or more lines, a price paid before or not). So:
 *  - the copy is keyed by the address, the language, the VAT display, the listing permission, where
 *    the catalogue cache's tags of the page stand (a sync that changes a product, a stock colour,
 *    a category or the tree makes a new copy), and the shape: every such choice;
 *  - it is rendered by this process for the first user of that key, beside that user's own request
 *    (which renders per request, so no one waits for a copy), with each of their texts a placeholder
 *    (lib/http/personal-parts.ts), and kept only when the render wrote down exactly the shape it was
 *    asked for and none of that user's own values is left in it;
 *  - every answer is the copy with the asking user's values, escaped for where each stands, and the
 *    answer's nonce. The parts are the same forms as a page rendered per request, so they work
 *    without JavaScript, and the page's RSC payload carries the same values, so it hydrates.
 *
 * The session is checked on the database as every page checks it. Anything else renders per request
 * as before: wholesaler staff, a user acting for a customer, an address with a query (filters, a
 * later page, another order; a search's words alone are its key) or a form's message, a search for
 * a barcode, a product the mirror lacks, the catalogue before its first
 * sync finished, and an address asked for the first time (a copy is made from its second request on,
 * so one-off visits never pay for it).
 */

/**
 * The copies, and which addresses earn one (lib/http/copy-store.ts). At most 300 copies and 24 MB in
 * all (a product page is about 70 kB, a category page 210 kB, held as UTF-8), least recently used
 * dropped first; each lives five minutes at most (the
 * cache's entries live ten for a missed notification); a key whose copy could not be kept renders per
 * request for a minute before it is tried again; two rendered at a time.
 */
const copies = new CopyStore<Copy>(
  {
    maxCopies: 300,
    maxBytes: 24_000_000,
    maxAgeMs: 5 * 60_000,
    refusedMs: 60_000,
    maxAddresses: 5_000,
    maxRendering: 2,
  },
  (entry, why) => copyEvent(pageKind(entry.address.split("\n")[0]!), why === "replaced" ? "unfilled" : why),
);

interface Copy {
  template: DocumentTemplate;
  headers: Array<[string, string]>;
  /** The nonce the copy was rendered with (its headers name it). */
  nonce: string;
}

/** Counts what happens to the copies: rendered, kept, refused, served, not admitted, dropped. */
function copyEvent(page: string, event: string): void {
  metrics().sharedCopies.labels(page, event).inc();
}

/** What every page of the frame shows of the user (the header, the cart count), read in one go. */
interface UserState {
  session: SessionToken;
  count: number;
  lists: Array<{ id: string; name: string }>;
}

/** What a page from a copy needs of its own kind: its marks, its texts, and where its catalogue reads stand. */
interface PageParts {
  /** The shape marks of the page's own parts for a customer with `lists` lists (the frame's are added). */
  shape(lists: number): string[];
  /** The catalogue cache's tags of the page. */
  tags: string[];
  /** The page's own texts of the user, and those that change with the time of the answer. */
  texts(format: ReturnType<typeof createFormatter>): Record<string, string>;
}

/** The product page's parts; null when it renders per request (the mirror lacks the product). */
async function productParts(session: SessionToken, segment: string): Promise<PageParts | null> {
  const [shown, favourites] = await Promise.all([
    showMirroredProduct(session, { sku: segment }),
    favouriteSkus(session),
  ]);
  if (!shown) return null;
  const sku = shown.product.sku;
  const lastPrices = await lastPricesFor(session, [sku]);
  const last = lastPrices.get(sku);
  const linked = last && orderPathOf(last.orderId) !== null;
  return {
    shape: (lists) => [
      shapeMarkValue("source", "mirror"),
      shapeMarkValue("lastPaid", last ? (linked ? "linked" : "plain") : "none"),
      shapeMarkValue("favourite", `${sku}:${favourites.has(sku) ? 1 : 0}`),
      // "Add to list" is drawn for a product still offered.
      ...(shown.orderability === "unavailable" ? [] : [shapeMarkValue("lists", lists)]),
    ],
    tags: productPageTags(sku),
    texts: (format) => {
      const texts: Record<string, string> = { stockAge: format.relativeTime(shown.stockTime) };
      if (last) {
        const paid = lastPriceTexts(last, format);
        Object.assign(texts, {
          "lastPaid.price": paid.price,
          "lastPaid.date": paid.date,
          "lastPaid.orderId": paid.orderId,
        });
        if (paid.orderPath) texts["lastPaid.orderPath"] = paid.orderPath;
      }
      return texts;
    },
  };
}

/** A category page's parts (its first page in the default order); null when it renders per request. */
async function categoryParts(session: SessionToken, segments: string[], incVat: boolean): Promise<PageParts | null> {
  // Until the first sync finished the page says so (and how far it got): rendered per request.
  if (!mayListProducts(session) || (await catalogueReadiness())) return null;
  const shown = await showCategory(session, { path: segments, params: {}, incVat });
  if (shown.kind !== "category") return null;
  return { ...(await cardsParts(session, shown.page.items)), tags: categoryPageTags(shown.category.code) };
}

/** A page of search results for words (its first page, in the default order); null when it renders per request. */
async function searchParts(session: SessionToken, query: string, incVat: boolean): Promise<PageParts | null> {
  // A barcode is looked up product by product, at the wholesaler too: rendered per request.
  if (!mayListProducts(session) || looksLikeBarcode(query) || (await catalogueReadiness())) return null;
  const found = await searchCatalogue(session, { query, params: { q: query }, incVat });
  if (found.kind !== "results") return null;
  return { ...(await cardsParts(session, found.result.items)), tags: [...SEARCH_PAGE_TAGS] };
}

/** The marks of a page of product cards: each card's star and "Bought before", and the lists of "Add to list". */
async function cardsParts(
  session: SessionToken,
  items: ReadonlyArray<{ sku: string; available: boolean }>,
): Promise<Omit<PageParts, "tags">> {
  const skus = items.map((item) => item.sku);
  const [favourites, bought] = await Promise.all([favouriteSkus(session), boughtSkusFor(session, skus)]);
  const cards = skus.flatMap((sku) => [
    shapeMarkValue("favourite", `${sku}:${favourites.has(sku) ? 1 : 0}`),
    shapeMarkValue("bought", `${sku}:${bought.has(sku) ? 1 : 0}`),
  ]);
  // Every card of an available product has "Add to list", each with the customer's lists.
  const withLists = items.some((item) => item.available);
  return { shape: (lists) => (withLists ? [...cards, shapeMarkValue("lists", lists)] : cards), texts: () => ({}) };
}

/** The marks of the frame every signed-in page has (app/(portal)/layout.tsx, the header). */
function frameShape(user: UserState): string[] {
  return [
    shapeMarkValue("cart", cartShape(user.count)),
    shapeMarkValue("shell", "dealer.own"),
    shapeMarkValue("upstreamDown", upstreamLooksDown()),
    shapeMarkValue("listing", mayListProducts(user.session)),
    shapeMarkValue("email", Boolean(user.session.email)),
  ];
}

/** The user's texts, by placeholder name (what personal-parts' callers name them). */
function userTexts(user: UserState): Record<string, string> {
  const { session } = user;
  const texts: Record<string, string> = {
    name: session.name,
    company: companyLabel(session),
    scanOwner: scanOwnerKey(session),
  };
  if (session.email) texts.email = session.email;
  user.lists.forEach((list, index) => {
    texts[`list.${index}.id`] = list.id;
    texts[`list.${index}.name`] = list.name;
  });
  return texts;
}

/** Whether any of the user's own values stands in `html` as it would be written there. */
function showsUserValues(html: string, user: UserState): boolean {
  const { session } = user;
  const values = [
    ...Object.values(userTexts(user)),
    session.companyName ?? "",
    session.customerCode,
    session.sessionId,
    session.upstreamToken,
  ].filter((value) => value.length > 0);
  return values.some(
    (value) =>
      html.includes(value) || html.includes(escapeHtml(value)) || html.includes(escapeForPayload(value, false)),
  );
}

/** A copy's key as a short digest: a category page's shape alone is a kilobyte. */
function keyOf(parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("base64url");
}

async function makeCopy(
  request: NextRequest,
  address: string,
  user: UserState,
  shape: string[],
  perAnswer: ReadonlySet<string>,
  groupedCount: string,
): Promise<Copy | null> {
  const headers: Record<string, string> = { cookie: request.headers.get("cookie") ?? "" };
  const language = request.headers.get("accept-language");
  if (language) headers["accept-language"] = language;
  const rendered = await renderOwnPage(address, headers);
  if (!rendered) return null;
  const template = compileDocument(rendered.html, { nonce: rendered.nonce, groupedCount });
  const texts = userTexts(user);
  const unknown = [...template.names].filter((name) => !(name in texts) && !perAnswer.has(name));
  if (template.shape.join("&") !== shape.join("&") || unknown.length) {
    log().warn({ page: pageKind(address), unknown: unknown.length }, "shared copy not kept: its shape differs");
    return null;
  }
  if (showsUserValues(rendered.html, user)) {
    log().warn({ page: pageKind(address) }, "shared copy not kept: a value of its user is in it");
    return null;
  }
  return { template, headers: rendered.headers, nonce: rendered.nonce };
}

const PRODUCT_PATH = /^\/products\/([^/]+)$/;
const CATEGORY_PATH = /^\/catalogue\/(.+)$/;

/** Which kind of page an address is, for a log line (never the address: a search's words are the user's). */
function pageKind(address: string): string {
  if (PRODUCT_PATH.test(address)) return "product page";
  return address.startsWith("/search") ? "search page" : "category page";
}

/**
 * The product or category page of this request from its shared copy, or null: it renders per
 * request (see the top of this file for when).
 */
export async function composePage(
  request: NextRequest,
  nonce: string,
  token: SessionToken,
): Promise<NextResponse | null> {
  try {
    return await compose(request, nonce, token);
  } catch (error) {
    // The page renders per request instead. The error's kind only: its message could hold a request's values.
    log().warn({ err: error instanceof Error ? error.name : typeof error }, "composed page failed");
    return null;
  }
}

async function compose(request: NextRequest, nonce: string, token: SessionToken): Promise<NextResponse | null> {
  const { pathname, search, searchParams } = request.nextUrl;
  const product = PRODUCT_PATH.exec(pathname);
  const category = product ? null : CATEGORY_PATH.exec(pathname);
  // A search's words are its one parameter; any other query (filters, a page, an order) renders per request.
  const words = pathname === "/search" && [...searchParams.keys()].join() === "q" ? searchParams.get("q") : null;
  if (request.method !== "GET" || !(product || category || words) || isFillRequest(request) || !localAddress()) {
    return null;
  }
  if (search && !words) return null;
  // The cookie the proxy decoded; checked against the database below, once the address was seen.
  if (isStaff(token) || token.activeCustomerCode !== token.customerCode) return null;
  const locale = chosenLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const incVat = request.cookies.get(VAT_COOKIE)?.value === "inc";
  // An address asked for the first time renders per request, before anything is read: a copy is made
  // from its second request on, so one-off visits (a product among a hundred thousand) cost nothing.
  const address = [`${pathname}${search}`, locale, incVat ? "inc" : "ex"].join("\n");
  if (copies.ask(address) === 1) return null;
  // Nothing to read for a copy when the address has none and would not earn one (the store is full
  // of addresses asked for more often): the page renders per request, as the first ask did.
  if (!copies.worthComposing(address)) {
    copyEvent(pageKind(pathname), "not-admitted");
    return null;
  }
  const checked = await stateOfToken(token);
  if (checked.status !== "live") return null;
  const session = checked.session;
  // Everything the page shows of the user, read at once.
  const [count, lists, page] = await Promise.all([
    cartLineCount(session),
    listLists(session),
    product
      ? productParts(session, product[1]!)
      : category
        ? categoryParts(session, category[1]!.split("/"), incVat)
        : searchParts(session, words!, incVat),
  ]);
  if (!page) return null;
  const user: UserState = { session, count, lists: lists.map(({ id, name }) => ({ id, name })) };
  const texts = userTexts(user);
  if (Object.values(texts).some(hasPlaceholderCharacters)) return null;

  const numbers = new Intl.NumberFormat(locale);
  const groupedCount = numbers.format(COUNT_PLACEHOLDER);
  const shape = [...new Set([...frameShape(user), ...page.shape(user.lists.length)])].sort();
  const key = keyOf([
    `${pathname}${search}`,
    locale,
    incVat ? "inc" : "ex",
    catalogueCache().generationKey(page.tags),
    shape.join("&"),
  ]);

  const now = Date.now();
  const format = createFormatter({ locale, now: new Date(now), timeZone: getEnv().DEALER_TIME_ZONE, formats: FORMATS });
  const pageTexts = page.texts(format);
  if (Object.values(pageTexts).some(hasPlaceholderCharacters)) return null;
  const entry = copies.get(key, now);
  if (!entry) {
    // The copy is rendered beside this request, which renders per request as before: no one waits
    // for a copy (under load its render would queue behind everyone's). A few at a time, and only
    // for an address that earns a place (lib/http/copy-store.ts).
    const made = copies.begin(key, address, now);
    if (typeof made === "string") {
      if (made === "not-admitted") copyEvent(pageKind(pathname), made);
      return null;
    }
    copyEvent(pageKind(pathname), "rendered");
    const perAnswer = new Set(["rendered", ...Object.keys(pageTexts)]);
    void makeCopy(request, `${pathname}${search}`, user, shape, perAnswer, groupedCount)
      .catch(() => null)
      .then((copy) => {
        copyEvent(pageKind(pathname), copy ? "kept" : "refused");
        copies.finish(made, copy ? { copy, size: copy.template.bytes.byteLength } : null, Date.now());
      });
    return null;
  }
  const copy = entry.copy;
  if (entry.state !== "ready" || !copy) return null;
  let html: Uint8Array<ArrayBuffer>;
  try {
    html = fillDocument(copy.template, {
      nonce,
      texts: { ...texts, ...pageTexts, rendered: randomUUID() },
      // A cart of 0 or 1 lines is written as itself: the copy has no count placeholder to fill.
      count:
        count >= 2
          ? { raw: String(count), grouped: numbers.format(count) }
          : { raw: String(COUNT_PLACEHOLDER), grouped: groupedCount },
    });
  } catch (error) {
    log().warn({ page: pageKind(pathname), err: (error as Error).message }, "shared copy not filled");
    copies.forget(key);
    return null;
  }
  const response = new NextResponse(html, { status: 200, headers: replayedHeaders(copy, nonce) });
  response.headers.set(DOCUMENT_SOURCE_HEADER, "composed");
  copyEvent(pageKind(pathname), "served");
  return response;
}
