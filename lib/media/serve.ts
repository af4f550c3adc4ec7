import "server-only";

import { getEnv } from "@/lib/env";
import { log } from "@/lib/observability/logger";
import { mediaUrl } from "@/lib/upstream/endpoints";

import { MAX_MEDIA_BYTES } from "./limits";
import { MAX_SVG_BYTES, rasterizeSvg } from "./rasterize";

/**
 * The wholesaler's media files from the portal's own origin, so the browser never talks to the
 * upstream and next/image can size them. Only pictures and PDFs pass, each at most MAX_MEDIA_BYTES:
 * the limit is counted on the bytes as they stream, since a content-length can be missing or false.
 */

/** What may reach the browser from the media server: pictures and PDF documents. */
const ALLOWED = /^(image\/(png|jpeg|gif|webp|avif|svg\+xml)|application\/pdf)$/;

const FILE = /^([A-Za-z0-9_-]{1,128})\.([A-Za-z0-9]{1,8})$/;
/** `<hash>.svg.png`: the wholesaler's drawing as a bitmap (see rasterizeSvg). */
const RASTERISED = /^([A-Za-z0-9_-]{1,128})\.svg\.png$/;

const CACHE = "public, max-age=86400, stale-while-revalidate=604800";

/** An answer of ours, never a body of the media server's. */
const refuse = (status: 404 | 502) => new Response(null, { status });

/** The media type of a Content-Type header, lower case without parameters; null when not an allowed one. */
export function allowedMediaType(header: string | null): string | null {
  const type = (header ?? "").split(";")[0]!.trim().toLowerCase();
  return ALLOWED.test(type) ? type : null;
}

/**
 * The body passed through, cut off (the stream errors, so the browser sees an incomplete file rather
 * than a complete-looking one) once more than `limit` bytes have come; `onCut` is told once.
 *
 * The error is an AbortError: Next's response piping destroys the response on it (the connection
 * ends without the rest) and takes it for an end we chose, where any other error is logged as a
 * server error ("failed to pipe response") though nothing failed. The cut is logged by the caller.
 */
export function limitedStream(
  body: ReadableStream<Uint8Array>,
  limit: number,
  onCut: () => void = () => undefined,
): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          onCut();
          controller.error(new DOMException(`media file larger than ${limit} bytes`, "AbortError"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
}

/** The whole body, or null once it exceeds `limit` bytes (the rest is not read). */
export async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(seen);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.byteLength;
  }
  return whole;
}

/** GET /media/<file>: `<hash>.<ext>` as the media server has it, or `<hash>.svg.png` drawn as a bitmap. */
export async function serveMedia(file: string): Promise<Response> {
  const rasterised = RASTERISED.exec(file);
  const match = rasterised ? ([file, rasterised[1], "svg"] as const) : FILE.exec(file);
  if (!match) return refuse(404);
  const [, hash = "", ext = ""] = match;
  let upstream: Response;
  try {
    upstream = await fetch(mediaUrl(getEnv().MEDIA_URL, { hash, ext }), { signal: AbortSignal.timeout(10_000) });
  } catch {
    return refuse(502);
  }
  const type = allowedMediaType(upstream.headers.get("content-type"));
  const declared = Number(upstream.headers.get("content-length") ?? 0);
  const limit = rasterised ? MAX_SVG_BYTES : MAX_MEDIA_BYTES;
  if (!upstream.ok || !upstream.body || !type || declared > limit) {
    await upstream.body?.cancel().catch(() => undefined);
    return refuse(upstream.status === 404 ? 404 : 502);
  }
  if (rasterised) {
    if (type !== "image/svg+xml") {
      await upstream.body.cancel().catch(() => undefined);
      return refuse(404);
    }
    const svg = await readLimited(upstream.body, MAX_SVG_BYTES).catch(() => null);
    const png = svg ? await rasterizeSvg(svg) : null;
    if (!png) return refuse(502);
    return new Response(png as Uint8Array<ArrayBuffer>, {
      headers: { "Content-Type": "image/png", "Cache-Control": CACHE, "X-Content-Type-Options": "nosniff" },
    });
  }
  const headers = new Headers({ "Content-Type": type, "Cache-Control": CACHE, "X-Content-Type-Options": "nosniff" });
  const etag = upstream.headers.get("etag");
  if (etag) headers.set("ETag", etag);
  if (type === "image/svg+xml") headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  const cut = () =>
    log().warn({ file: `${hash}.${ext}`, limitBytes: MAX_MEDIA_BYTES }, "media: a file past the limit was cut off");
  return new Response(limitedStream(upstream.body, MAX_MEDIA_BYTES, cut), { headers });
}
