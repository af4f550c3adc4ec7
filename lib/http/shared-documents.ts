import { NextResponse, type NextRequest } from "next/server";

import { chosenLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { FILL_HEADER, FILL_SECRET, LOCAL_ADDRESS } from "@/scripts/server-contract.cjs";

/**
 * Pages whose document is the same for everyone but for its CSP nonce and its language: rendered
 * once per language by this process, kept, and answered from the proxy with a fresh nonce each time
 * (issue 19: a page without data no longer renders per request).
 *
 * The proxy answers such a page itself only when the standalone server's wrapper
 * (scripts/server-wrapper.cjs) told where this process listens: the copy is fetched from this
 * process, never from an address a request names, so no client can choose what is kept. The fetch
 * carries a secret of this process, and the proxy lets that one request render as usual. Under
 * `next dev` (no wrapper) every page renders per request.
 *
 * The nonce of the kept copy was never sent to anyone: the copy's every occurrence of it is replaced by
 * the answer's own, so each answer's scripts carry the nonce of its own Content-Security-Policy.
 */

/** Pages that render nothing per request: no session, no data, no query. */
const SHARED_PATHS = new Set(["/offline"]);

/**
 * The secret of the fetch that renders a copy (sent in FILL_HEADER), on globalThis: the proxy and the
 * server's start-up are bundled apart and must share it, and the wrapper lets that fetch past its queue.
 */
function fillSecret(): string {
  const holder = globalThis as { [FILL_SECRET]?: string };
  holder[FILL_SECRET] ??= crypto.randomUUID();
  return holder[FILL_SECRET];
}

/** Whether a request is this process's own fetch of a copy (which renders as usual). */
export function isFillRequest(request: Pick<NextRequest, "headers">): boolean {
  return request.headers.get(FILL_HEADER) === fillSecret();
}
/**
 * The header that says an answer was not rendered for its request: "copy" (a kept copy, here) or "composed"
 * (a shared copy with the user's parts filled in, lib/http/personal-documents.ts). The tests and bench:load
 * read it; nothing in it is secret.
 */
export const DOCUMENT_SOURCE_HEADER = "x-portal-document";

/** Headers of the rendered answer not replayed: per answer, per connection, or set by the proxy. */
const NOT_REPLAYED = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "content-security-policy",
  "date",
  "keep-alive",
  "set-cookie",
  "transfer-encoding",
  "x-request-id",
]);

export interface KeptDocument {
  html: string;
  /** The nonce the copy was rendered with, replaced in every answer. */
  nonce: string;
  headers: Array<[string, string]>;
}

/** The copies by language and path; a render that failed is forgotten, and tried again by the next request. */
const copies = new Map<string, Promise<KeptDocument | null>>();

export function localAddress(): string | null {
  const address = (globalThis as { [LOCAL_ADDRESS]?: { host: string; port: number } })[LOCAL_ADDRESS];
  if (!address) return null;
  return `${address.host.includes(":") ? `[${address.host}]` : address.host}:${address.port}`;
}

/**
 * `pathname` as this process renders it for a request with `headers` (besides the fill's own):
 * the document, its nonce and the headers to replay; null unless it answered 200 with HTML whose
 * scripts carry the nonce of its policy.
 */
export async function renderOwnPage(pathname: string, headers: Record<string, string>): Promise<KeptDocument | null> {
  const address = localAddress();
  if (!address) return null;
  try {
    const response = await fetch(`http://${address}${pathname}`, {
      // Uncompressed: compressing it here only for fetch to inflate it again costs the render's process both.
      headers: {
        ...headers,
        [FILL_HEADER]: fillSecret(),
        accept: "text/html",
        "accept-encoding": "identity",
        "sec-fetch-dest": "document",
      },
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
    const html = await response.text();
    const nonce = /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    const isHtml = (response.headers.get("content-type") ?? "").startsWith("text/html");
    if (response.status !== 200 || !isHtml || !nonce || !html.includes(`nonce="${nonce}"`)) return null;
    const replayed = [...response.headers].filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase()));
    return { html, nonce, headers: replayed };
  } catch {
    return null;
  }
}

/**
 * A kept document's headers for an answer with `nonce`: the rendered answer's `Link` header names the
 * nonce of its preloads, which must be the answer's own (and the copy's is never sent).
 */
export function replayedHeaders(document: Pick<KeptDocument, "headers" | "nonce">, nonce: string): Headers {
  return new Headers(
    document.headers.map(([name, value]): [string, string] => [name, value.replaceAll(document.nonce, nonce)]),
  );
}

/**
 * The answer to a request for a shared page, with `nonce` in place of the copy's; null when the
 * request is not for one (or the copy could not be rendered), and the page renders as usual.
 */
export async function sharedDocument(request: NextRequest, nonce: string): Promise<NextResponse | null> {
  const { pathname, search } = request.nextUrl;
  if (request.method !== "GET" || search || !SHARED_PATHS.has(pathname)) return null;
  if (isFillRequest(request) || !localAddress()) return null;
  // The language the page renders in, decided as lib/i18n/request.ts decides it.
  const locale = chosenLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const key = `${locale} ${pathname}`;
  let copy = copies.get(key);
  if (!copy) {
    copy = renderOwnPage(pathname, { cookie: `${LOCALE_COOKIE}=${locale}` });
    copies.set(key, copy);
  }
  const document = await copy;
  if (!document) {
    if (copies.get(key) === copy) copies.delete(key);
    return null;
  }
  const response = new NextResponse(document.html.replaceAll(document.nonce, nonce), {
    status: 200,
    headers: replayedHeaders(document, nonce),
  });
  // Says which answers came from the copy (the tests check it; nothing in it is secret).
  response.headers.set(DOCUMENT_SOURCE_HEADER, "copy");
  return response;
}
