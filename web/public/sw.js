/*
 * The console's service worker: lets an office without a link open the console again (a reload,
 * a new tab), so that the declarations waiting in the outbox (IndexedDB) stay visible and are
 * sent when the link returns. It keeps the console's own files only (index.html, /assets/…),
 * never an answer of the API: /v1 and every other service path go to the network untouched.
 */
const CACHE = 'console-shell-v1';
const SERVICE = ['/v1', '/health', '/metrics', '/docs', '/openapi.yaml', '/verify', '/.well-known'];
const ours = (path) => SERVICE.some((s) => path === s || path.startsWith(`${s}/`));

/** index.html, the files it names, and the fonts its styles name. */
async function shell() {
  const html = await (await fetch('/', { cache: 'no-store', headers: { Accept: 'text/html' } })).text();
  const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const fonts = [];
  for (const css of named.filter((u) => u.endsWith('.css'))) {
    const text = await (await fetch(css)).text();
    for (const m of text.matchAll(/url\(["']?(\/assets\/[^)"']+)["']?\)/g)) fonts.push(m[1]);
  }
  const cache = await caches.open(CACHE);
  await cache.put('/', new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } }));
  await cache.addAll([...new Set([...named, ...fonts])]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(shell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || ours(url.pathname)) return;
  if (request.mode === 'navigate') {
    // The page: the network first (a new console is seen at once), the kept index.html without a link.
    event.respondWith(
      fetch(request)
        .then((answer) => {
          if (answer.ok) {
            const copy = answer.clone();
            void caches.open(CACHE).then((c) => c.put('/', copy));
          }
          return answer;
        })
        .catch(() => caches.match('/').then((kept) => kept ?? Response.error())),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Hashed, so never changed: the kept copy, else the network (kept for next time).
    event.respondWith(
      caches.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((answer) => {
            if (answer.ok) {
              const copy = answer.clone();
              void caches.open(CACHE).then((c) => c.put(request, copy));
            }
            return answer;
          }),
      ),
    );
  }
});
