import { describe, expect, it } from "vitest";

import { allowedMediaType, limitedStream, readLimited } from "./serve";

/** A body of `total` bytes in chunks of `size`, like a server that states no length. */
function body(total: number, size = 1000): ReadableStream<Uint8Array> {
  let left = total;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const chunk = new Uint8Array(Math.min(size, left));
      left -= chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

/** The bytes read, and the name of the error the stream ended in (null when it ended whole). */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ bytes: number; error: string | null }> {
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, error: null };
      bytes += value.byteLength;
    }
  } catch (error) {
    return { bytes, error: (error as Error).name };
  }
}

describe("media passed on", () => {
  it("only pictures and PDFs, by their media type", () => {
    expect(allowedMediaType("image/png")).toBe("image/png");
    expect(allowedMediaType("Image/JPEG; charset=binary")).toBe("image/jpeg");
    expect(allowedMediaType("image/svg+xml")).toBe("image/svg+xml");
    expect(allowedMediaType("application/pdf")).toBe("application/pdf");
    for (const refused of [
      "text/html",
      "text/html; charset=utf-8",
      "application/octet-stream",
      "image/x-icon",
      "",
      null,
    ]) {
      expect(allowedMediaType(refused)).toBeNull();
    }
  });

  it("cuts a body off at the limit however it was declared, and passes a smaller one whole", async () => {
    let cuts = 0;
    // An AbortError: Next ends the response without logging a server error for it.
    expect(await drain(limitedStream(body(10_500), 10_000, () => cuts++))).toEqual({
      bytes: 10_000,
      error: "AbortError",
    });
    expect(cuts).toBe(1);
    expect(await drain(limitedStream(body(10_000), 10_000))).toEqual({ bytes: 10_000, error: null });
    expect(await readLimited(body(10_001), 10_000)).toBeNull();
    expect((await readLimited(body(2_500), 10_000))?.byteLength).toBe(2_500);
  });
});
