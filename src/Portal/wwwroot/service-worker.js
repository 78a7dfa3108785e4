// Build-run worker (the gateway serves the portal from its build output). On install it caches the
// whole app shell listed in service-worker-assets.js (index.html, _framework/*, css, js, manifest),
// so the app starts offline after one online visit. Fingerprinted _framework files never change
// under a name: cache first. Everything else: network first, so a rebuilt portal shows at once,
// with the cache when the network fails; a navigation falls back to the cached index.html.
// service-worker.published.js replaces this file on publish.
self.importScripts('./service-worker-assets.js');
const prefix = 'grid-shell-';
const cacheName = prefix + self.assetsManifest.version;
const base = new URL('./', self.registration.scope);
const indexUrl = new URL('index.html', base).href;
const shellUrls = self.assetsManifest.assets
  .map(a => a.url)
  .filter(u => !/^service-worker/.test(u) && !/\.map$/.test(u))
  .map(u => new URL(u, base).href);
const immutable = new Set(shellUrls.filter(u => u.includes('/_framework/')));

self.addEventListener('install', event => event.waitUntil(cacheShell().then(() => self.skipWaiting())));
self.addEventListener('activate', event => event.waitUntil(dropOldCaches().then(() => self.clients.claim())));
self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') event.respondWith(navigate(request));
  else if (immutable.has(url.origin + url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});

// One failed file must not cost the whole shell: what was fetched stays cached.
async function cacheShell() {
  const cache = await caches.open(cacheName);
  await Promise.allSettled(shellUrls.map(async u => {
    if (await cache.match(u)) return;
    const response = await fetch(new Request(u, { cache: 'no-cache' }));
    if (response.ok) await cache.put(u, response);
  }));
}

async function dropOldCaches() {
  for (const key of await caches.keys())
    if ((key.startsWith(prefix) && key !== cacheName) || key === 'grid-shell') await caches.delete(key);
}

async function navigate(request) {
  try {
    return await fetch(request);
  } catch (e) {
    return (await caches.match(indexUrl, { cacheName })) ?? offline();
  }
}

async function cacheFirst(request) {
  return (await caches.match(request.url, { cacheName, ignoreVary: true })) ?? networkFirst(request);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') (await caches.open(cacheName)).put(request.url, response.clone());
    return response;
  } catch (e) {
    return (await caches.match(request.url, { cacheName, ignoreVary: true, ignoreSearch: true })) ?? offline();
  }
}

// A file never cached (an optional appsettings.{Environment}.json, say) reads as missing, not as a crash.
function offline() {
  return new Response('', { status: 404, statusText: 'Offline and not cached' });
}

// Web Push (see Services/PushSetup.cs): the server sends {id, kind, taskId, message}; show it, and a tap opens the task.
self.addEventListener('push', event => {
  const notice = event.data ? event.data.json() : { message: '' };
  event.waitUntil(self.registration.showNotification('网格帮办', {
    body: notice.message, tag: notice.id, data: { taskId: notice.taskId }, lang: 'zh-CN',
  }));
});
self.addEventListener('notificationclick', event => {
  event.notification.close();
  const taskId = event.notification.data && event.notification.data.taskId;
  event.waitUntil(self.clients.openWindow(new URL(taskId ? 'worker/tasks/' + encodeURIComponent(taskId) : './', self.registration.scope).href));
});
