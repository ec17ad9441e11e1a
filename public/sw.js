// Koers service worker: makes the app installable and shows a page of its
// own when the server cannot be reached.
//
// What it keeps: the offline page (/offline, which holds no personal data),
// the hashed /pkg files that page uses, the icons and the manifest. What it
// never keeps: pages a user navigates to, /api server-function answers, or
// anything else that may hold personal data — those always go to the network.

const OFFLINE_CACHE = "koers-offline";
const OFFLINE_URL = "/offline";
const STATIC_FILES = [
  "/manifest.webmanifest",
  "/icons/icon.svg",
  "/icons/icon-192.png",
  "/icons/icon-512.png",
];

// Refreshed once per worker start, and whenever the page language changes,
// so the offline page follows new releases and the user's language.
let refreshedThisRun = false;

self.addEventListener("install", (event) => {
  event.waitUntil(refreshOfflineCache().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== OFFLINE_CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigate(request, event));
  } else if (url.pathname.startsWith("/pkg/") || STATIC_FILES.includes(url.pathname)) {
    event.respondWith(cachedOrNetwork(request));
  }
});

async function navigate(request, event) {
  try {
    const response = await fetch(request);
    event.waitUntil(refreshIfStale(response.headers.get("content-language")));
    return response;
  } catch (offline) {
    const cached = await caches.match(OFFLINE_URL, { cacheName: OFFLINE_CACHE });
    return cached || Response.error();
  }
}

async function cachedOrNetwork(request) {
  const cached = await caches.match(request, { cacheName: OFFLINE_CACHE });
  return cached || fetch(request);
}

async function refreshIfStale(pageLanguage) {
  const cached = await caches.match(OFFLINE_URL, { cacheName: OFFLINE_CACHE });
  const cachedLanguage = cached && cached.headers.get("content-language");
  if (!refreshedThisRun || (pageLanguage && pageLanguage !== cachedLanguage)) {
    await refreshOfflineCache();
  }
}

// Fetches the offline page and every /pkg file it refers to, then replaces
// the cache in one go, dropping files of earlier releases.
async function refreshOfflineCache() {
  const page = await fetch(OFFLINE_URL, { credentials: "same-origin", cache: "no-store" });
  if (!page.ok) {
    return;
  }
  const html = await page.clone().text();
  const assets = [...new Set(html.match(/\/pkg\/[^"'\s>]+/g) || [])];
  const responses = await Promise.all([...assets, ...STATIC_FILES].map((url) => fetch(url)));
  if (responses.some((response) => !response.ok)) {
    return;
  }
  await caches.delete(OFFLINE_CACHE);
  const cache = await caches.open(OFFLINE_CACHE);
  await cache.put(OFFLINE_URL, page);
  await Promise.all(responses.map((response) => cache.put(response.url, response)));
  refreshedThisRun = true;
}
