/** GET /media/{hash}.{ext}: generated files, public, cached for a year, with an ETag. */
import { Hono } from "hono";
import type { AppEnv } from "../context.js";
import { HttpError } from "../laravel.js";
import { MEDIA_FILE, type MediaExt, mimeType, renderMedia } from "../media.js";

export function mediaRoutes(): Hono<AppEnv> {
  const r = new Hono<AppEnv>();

  r.get("/media/:file", (c) => {
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
