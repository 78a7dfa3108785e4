// Dev/build worker (the gateway serves the portal from its build output): network first, so a
// rebuilt portal shows at once, and the cache when the network fails, so the app shell starts
// offline. The page fills the cache (grid.cacheShell); this worker adds what it fetches later.
// service-worker.published.js (asset-manifest, cache first) replaces this file on publish.
const shell = 'grid-shell';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith(networkThenCache(request));
});

async function networkThenCache(request) {
  const cache = await caches.open(shell);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && request.mode !== 'navigate') cache.put(request, response.clone());
    return response;
  } catch (e) {
    const hit = request.mode === 'navigate'
      ? await cache.match(new URL('./', self.registration.scope).href)
      : await cache.match(request, { ignoreVary: true });
    if (hit) return hit;
    throw e;
  }
}
