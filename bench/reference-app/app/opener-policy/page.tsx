/**
 * The same empty page, sent with the portal's Cross-Origin-Opener-Policy (next.config.mjs). A page with
 * that policy opened from one without it (Lighthouse starts each run on about:blank) is loaded in a new
 * browser process rather than the one that showed about:blank; this row shows what that costs the framework alone.
 */
export { default } from "../page";

export const dynamic = "force-dynamic";
