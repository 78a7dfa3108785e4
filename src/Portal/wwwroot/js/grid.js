// Browser services the portal reaches through JS interop: position, connectivity, app-shell cache.
window.grid = {
  position: () => new Promise(resolve => {
    if (!navigator.geolocation) { resolve({ ok: false, error: 'unsupported' }); return; }
    navigator.geolocation.getCurrentPosition(
      p => resolve({ ok: true, lat: p.coords.latitude, lng: p.coords.longitude }),
      e => resolve({ ok: false, error: e.message || String(e.code) }),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  }),
  online: () => navigator.onLine,
  watchOnline: dotnet => {
    window.addEventListener('online', () => dotnet.invokeMethodAsync('OnConnectivity', true));
    window.addEventListener('offline', () => dotnet.invokeMethodAsync('OnConnectivity', false));
  },
  // The dev/build service worker caches at run time; this puts everything the first load fetched
  // (before the worker controlled the page) into the same cache, so the app starts offline next time.
  cacheShell: async () => {
    if (!('caches' in window)) return 0;
    const urls = new Set([new URL('./', document.baseURI).href]);
    for (const e of performance.getEntriesByType('resource')) {
      const u = new URL(e.name);
      if (u.origin === location.origin && !u.pathname.startsWith('/api/')) urls.add(u.href);
    }
    const cache = await caches.open('grid-shell');
    let n = 0;
    for (const u of urls) { try { if (!(await cache.match(u))) { await cache.add(u); } n++; } catch { } }
    return n;
  },
  shellCached: async () => ('caches' in window) && !!(await (await caches.open('grid-shell')).match(new URL('./', document.baseURI).href)),
  setLang: l => { document.documentElement.lang = l; },
};
