import { scrapeMetrics } from "@/lib/observability/scrape";

export const dynamic = "force-dynamic";

/** Prometheus' scrape: with `Authorization: Bearer <METRICS_TOKEN>`, or from this machine directly. */
export async function GET(request: Request) {
  const scraped = await scrapeMetrics(request.headers);
  if (!scraped) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(scraped.body, {
    headers: { "Content-Type": scraped.contentType, "Cache-Control": "no-store" },
  });
}
