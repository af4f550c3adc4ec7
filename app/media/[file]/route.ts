import type { NextRequest } from "next/server";

import { serveMedia } from "@/lib/media/serve";

/** The wholesaler's media files from the portal's own origin (see serveMedia). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  return serveMedia((await params).file);
}
