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
  // Saves bytes the portal fetched with its token (a plain link would go without it) as a file.
  download: (name, bytes, type) => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([bytes], { type }));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  },
  setLang: l => { document.documentElement.lang = l; },
  // A click's screen position in the SVG's own (viewBox) units, whatever its size and aspect.
  svgPoint: (svg, x, y) => {
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM().inverse());
    return [p.x, p.y];
  },
  // Web Push: whether this browser can, and whether it already has a subscription.
  pushState: async () => {
    if (!('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return 'unsupported';
    const reg = await navigator.serviceWorker.ready;
    return (await reg.pushManager.getSubscription()) ? 'subscribed' : Notification.permission;
  },
  // Asks for permission (from a click) and subscribes with the server's VAPID key; the keys go to the server as base64url.
  pushSubscribe: async publicKey => {
    if (await Notification.requestPermission() !== 'granted') return null;
    const reg = await navigator.serviceWorker.ready;
    const raw = atob(publicKey.replace(/-/g, '+').replace(/_/g, '/'));
    const key = Uint8Array.from(raw, c => c.charCodeAt(0));
    const sub = await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    const b64 = buf => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    return { endpoint: sub.endpoint, p256dh: b64(sub.getKey('p256dh')), auth: b64(sub.getKey('auth')) };
  },
};
