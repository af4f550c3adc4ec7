import type { NextRequest, NextResponse } from "next/server";

import type { SessionToken } from "@/lib/auth/session-types";

/**
 * The proxy's way to the pages answered from a shared copy with each user's own parts
 * (lib/http/personal-documents.ts). That composer reads the session and the database, so it is
 * loaded with the server's start-up (lib/server-start.ts), in the bundle that opened the database,
 * and left here on globalThis; the proxy, bundled apart, only calls it. Without it (`next dev`, tests
 * of the proxy alone) every page renders per request.
 */
/** `token`: the session cookie as the proxy decoded it (not yet checked against the database). */
export type DocumentComposer = (
  request: NextRequest,
  nonce: string,
  token: SessionToken,
) => Promise<NextResponse | null>;

const COMPOSER = Symbol.for("dealer-portal.document-composer");
type Holder = { [COMPOSER]?: DocumentComposer };

export function registerDocumentComposer(composer: DocumentComposer): void {
  (globalThis as Holder)[COMPOSER] = composer;
}

/** The page composed for this request, or null: the page renders as usual. */
export function composedDocument(
  request: NextRequest,
  nonce: string,
  token: SessionToken,
): Promise<NextResponse | null> {
  const composer = (globalThis as Holder)[COMPOSER];
  // The composer answers null rather than fail (it logs what went wrong): the page then renders as usual.
  return composer ? composer(request, nonce, token) : Promise.resolve(null);
}
