import { appManifest } from "@/lib/pwa/manifest";
import { manifestLocale } from "@/lib/pwa/manifest-href";

/**
 * The web app manifest, in the language the page asked for (`?lang=`, see app/layout.tsx): a
 * browser fetches a manifest without cookies, so the language cannot come from the portal's cookie.
 */
export function GET(request: Request): Response {
  const locale = manifestLocale(new URL(request.url).searchParams.get("lang"));
  return new Response(JSON.stringify(appManifest(locale)), {
    headers: {
      "content-type": "application/manifest+json; charset=utf-8",
      "cache-control": "public, max-age=3600",
    },
  });
}
