import "server-only";

import { headers } from "next/headers";
import { notFound } from "next/navigation";

import { NOT_FOUND_MARKS, NOT_FOUND_STATUS_MARKS, RENDER_HEADER } from "@/scripts/server-contract.cjs";

/**
 * A page that finds nothing, answered with the not-found page in its first response.
 *
 * Next (16.4, vercel/next.js#62228) answers notFound() thrown while a page renders with a bare
 * error document (`<html id="__next_error__">`, no lang, an empty body): the not-found view is
 * only in the RSC payload, drawn once script runs, so without JavaScript the page stays blank.
 * An address that matches no page is rendered whole. So the page marks its request here before
 * throwing, and the standalone server's wrapper (scripts/server-wrapper.cjs) answers a marked 404
 * document with what Next renders for an address that matches nothing (the same not-found page, in
 * the user's language, status 404). Without the wrapper (`next dev`) the mark is never read and
 * the answer is Next's own.
 */

/**
 * The wrapper keeps the marks as its ids of the requests (RENDER_HEADER, which only it sets): those whose
 * page threw (NOT_FOUND_MARKS) and those whose page draws its own "not found" view (NOT_FOUND_STATUS_MARKS).
 */
type Holder = { [NOT_FOUND_MARKS]?: Set<string>; [NOT_FOUND_STATUS_MARKS]?: Set<string> };

async function mark(kind: typeof NOT_FOUND_MARKS | typeof NOT_FOUND_STATUS_MARKS): Promise<void> {
  const marks = (globalThis as Holder)[kind];
  const id = (await headers()).get(RENDER_HEADER);
  if (marks && id) marks.add(id);
}

export async function notFoundPage(): Promise<never> {
  await mark(NOT_FOUND_MARKS);
  notFound();
}

/**
 * For a page that draws its own "not found" view (a product's, with its own words) instead of
 * throwing: the wrapper answers its document with status 404 instead of 200, the page as drawn.
 * A client-side navigation (an RSC request) keeps 200, as Next's router expects.
 */
export async function answerNotFoundStatus(): Promise<void> {
  await mark(NOT_FOUND_STATUS_MARKS);
}
