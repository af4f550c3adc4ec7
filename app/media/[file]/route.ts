import type { NextRequest } from "next/server";

import { getEnv } from "@/lib/env";
import { MAX_SVG_BYTES, rasterizeSvg } from "@/lib/media/rasterize";
import { mediaUrl } from "@/lib/upstream/endpoints";

const FILE = /^([A-Za-z0-9_-]{1,128})\.([A-Za-z0-9]{1,8})$/;
/** `<hash>.svg.png`: the wholesaler's drawing as a bitmap (see rasterizeSvg). */
const RASTERISED = /^([A-Za-z0-9_-]{1,128})\.svg\.png$/;

const CACHE = "public, max-age=86400, stale-while-revalidate=604800";

/**
 * Serves the wholesaler's media files from the portal's own origin, so the
 * browser never talks to the upstream and next/image can size them.
 */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const rasterised = RASTERISED.exec(file);
  const match = rasterised ? ([file, rasterised[1], "svg"] as const) : FILE.exec(file);
  if (!match) return new Response("Not found", { status: 404 });
  const [, hash = "", ext = ""] = match;
  let upstream: Response;
  try {
    upstream = await fetch(mediaUrl(getEnv().MEDIA_URL, { hash, ext }), { signal: AbortSignal.timeout(10_000) });
  } catch {
    return new Response("Media not reachable", { status: 502 });
  }
  if (!upstream.ok || !upstream.body) return new Response("Not found", { status: upstream.status === 404 ? 404 : 502 });
  const contentType = upstream.headers.get("content-type") ?? "application/octet-stream";
  if (rasterised) return rasterisedResponse(upstream, contentType);
  const headers = new Headers({
    "Content-Type": contentType,
    "Cache-Control": CACHE,
    "X-Content-Type-Options": "nosniff",
  });
  const etag = upstream.headers.get("etag");
  if (etag) headers.set("ETag", etag);
  if (contentType.includes("svg"))
    headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  return new Response(upstream.body, { headers });
}

async function rasterisedResponse(upstream: Response, contentType: string): Promise<Response> {
  if (!contentType.includes("svg")) {
    await upstream.body?.cancel();
    return new Response("Not a drawing", { status: 404 });
  }
  if (Number(upstream.headers.get("content-length") ?? 0) > MAX_SVG_BYTES) {
    await upstream.body?.cancel();
    return new Response("Drawing too large", { status: 502 });
  }
  const png = await rasterizeSvg(new Uint8Array(await upstream.arrayBuffer()));
  if (!png) return new Response("Drawing could not be read", { status: 502 });
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { "Content-Type": "image/png", "Cache-Control": CACHE, "X-Content-Type-Options": "nosniff" },
  });
}
