/*
 * The portal's service worker (registered in production builds by
 * components/pwa/service-worker-registration.tsx).
 *
 * - Static assets (/_next/static/*, hashed and immutable; /icons/*) come from a
 *   versioned cache first, so the app shell opens at once.
 * - Pages and API responses are never cached: they belong to a signed-in dealer.
 *   The one exception is /offline, which needs no session; it is kept with the
 *   assets it links to and answers any navigation that fails for want of a network.
 * - Bump VERSION when this file's caching rules change; old caches are deleted on activation.
 */
const VERSION = "v1";
const STATIC_CACHE = `portal-static-${VERSION}`;
const OFFLINE_CACHE = `portal-offline-${VERSION}`;
const OFFLINE_URL = "/offline";
const ICONS = ["/icons/icon-192.png", "/icons/icon-512.png", "/icons/maskable-192.png", "/icons/maskable-512.png"];
/** Hashed assets of older builds pile up; keep the newest this many. */
const MAX_STATIC_ENTRIES = 300;

function isStaticAsset(url) {
  return (
    url.origin === self.location.origin &&
    (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"))
  );
}

/** Fetches the offline page and the scripts, styles and fonts it links to, and keeps them. */
async function cacheOfflinePage() {
  const response = await fetch(OFFLINE_URL, { cache: "no-store", credentials: "same-origin", redirect: "error" });
  if (!response.ok) throw new Error(`offline page: ${response.status}`);
  const html = await response.clone().text();
  const assets = new Set(ICONS);
  for (const match of html.matchAll(/(?:href|src)="(\/_next\/static\/[^"?#]+)"/g)) assets.add(match[1]);
  const statics = await caches.open(STATIC_CACHE);
  await Promise.all(
    [...assets].map(async (asset) => {
      if (await statics.match(asset)) return;
      const assetResponse = await fetch(asset, { credentials: "same-origin" });
      if (assetResponse.ok) await statics.put(asset, assetResponse);
    }),
  );
  const offline = await caches.open(OFFLINE_CACHE);
  await offline.put(OFFLINE_URL, response);
}

async function trimStatic() {
  const cache = await caches.open(STATIC_CACHE);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_STATIC_ENTRIES)).map((key) => cache.delete(key)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(cacheOfflinePage().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([STATIC_CACHE, OFFLINE_CACHE]);
      for (const name of await caches.keys())
        if (name.startsWith("portal-") && !keep.has(name)) await caches.delete(name);
      // Pages load in parallel with the worker's start-up instead of waiting for it.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "refresh-offline") event.waitUntil(cacheOfflinePage().catch(() => undefined));
});

async function staticFirst(request) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    if (Math.random() < 0.05) void trimStatic();
  }
  return response;
}

async function navigate(request, preload) {
  try {
    return (await preload) || (await fetch(request));
  } catch (error) {
    const offline = await caches.match(OFFLINE_URL, { cacheName: OFFLINE_CACHE });
    if (offline) return offline;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, event.preloadResponse));
    return;
  }
  if (isStaticAsset(url)) event.respondWith(staticFirst(request));
  // Everything else (pages' data, server actions, API routes, media) goes to the network untouched.
});
