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
  // Saves bytes the portal fetched with its token (an export) as a file download.
  download: (name, type, base64) => {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(new Blob([bytes], { type })), download: name });
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  },
  watchOnline: dotnet => {
    window.addEventListener('online', () => dotnet.invokeMethodAsync('OnConnectivity', true));
    window.addEventListener('offline', () => dotnet.invokeMethodAsync('OnConnectivity', false));
  },
  // True once the service worker has installed: its install step caches the whole app shell.
  shellCached: async () => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return false;
    await navigator.serviceWorker.ready;
    return !!(await caches.match(new URL('index.html', document.baseURI).href));
  },
  setLang: l => { document.documentElement.lang = l; },
  // A click's screen position in the SVG's own (viewBox) units, whatever its size and aspect.
  svgPoint: (svg, x, y) => {
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
    return [p.x, p.y];
  },
};
