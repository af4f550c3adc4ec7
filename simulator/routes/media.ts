/** GET /media/{hash}.{ext}: generated files, public, cached for a year, with an ETag. */
import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import { HttpError } from "../laravel.js";
import { MEDIA_FILE, type MediaExt, mimeType, renderMedia } from "../media.js";

/**
 * A media server gone wrong, for the portal's tests (these names are no hash, so no product has
 * them): `misbehave-html.png` answers an HTML page with status 200, `misbehave-oversize-<bytes>.png`
 * streams that many bytes typed image/png with no content-length.
 */
const MISBEHAVE = /^misbehave-(html|oversize-(\d{1,9}))\.png$/;

function misbehave(file: string): Response | null {
  const match = MISBEHAVE.exec(file);
  if (!match) return null;
  if (match[1] === "html") {
    return new Response("<!DOCTYPE html><html><body><script>alert(1)</script>Not a picture</body></html>", {
      headers: { "Content-Type": "text/html; charset=utf-8" },
    });
  }
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  let left = Math.min(Number(match[2]), 256 * 1024 * 1024);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (left <= 0) return controller.close();
      const next = chunk.subarray(0, Math.min(chunk.byteLength, left));
      left -= next.byteLength;
      controller.enqueue(next);
    },
  });
  return new Response(body, { headers: { "Content-Type": "image/png" } });
}

export function mediaRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get("/media/:file", (c) => {
    const wrong = misbehave(c.req.param("file"));
    if (wrong) return wrong;
    const match = MEDIA_FILE.exec(c.req.param("file"));
    if (!match) throw new HttpError(404, "File not found.");
    const [, hash = "", ext] = match;
    const etag = `"${hash}"`;
    const headers = { ETag: etag, "Cache-Control": "public, max-age=31536000, immutable" };
    if (
      c.req
        .header("If-None-Match")
        ?.split(",")
        .some((tag) => tag.trim() === etag)
    )
      return c.body(null, 304, headers);
    const body = renderMedia(hash, ext as MediaExt);
    return c.body(new Uint8Array(body), 200, { ...headers, "Content-Type": mimeType(ext as MediaExt) });
  });

  return r;
}
