import type { NextRequest } from "next/server";

import { getEnv } from "@/lib/env";
import { mediaUrl } from "@/lib/upstream/endpoints";

const FILE = /^([A-Za-z0-9_-]{1,128})\.([A-Za-z0-9]{1,8})$/;

/**
 * Serves the wholesaler's media files from the portal's own origin, so the
 * browser never talks to the upstream and next/image can size them.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const match = FILE.exec((await params).file);
  if (!match) return new Response("Not found", { status: 404 });
  const [, hash = "", ext = ""] = match;
  let upstream: Response;
  try {
    upstream = await fetch(mediaUrl(getEnv().MEDIA_URL, { hash, ext }), { signal: AbortSignal.timeout(10_000) });
  } catch {
    return new Response("Media not reachable", { status: 502 });
  }
  if (!upstream.ok || !upstream.body) return new Response("Not found", { status: upstream.status === 404 ? 404 : 502 });
  const headers = new Headers({
    "Content-Type": upstream.headers.get("content-type") ?? "application/octet-stream",
    "Cache-Control": "public, max-age=86400, stale-while-revalidate=604800",
    "X-Content-Type-Options": "nosniff",
  });
  const etag = upstream.headers.get("etag");
  if (etag) headers.set("ETag", etag);
  if (headers.get("Content-Type")?.includes("svg"))
    headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return new Response(upstream.body, { headers });
}
