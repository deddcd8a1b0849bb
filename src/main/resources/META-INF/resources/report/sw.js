'use strict';
// Keeps the page itself available offline; it never sees or keeps what a reporter types (API calls pass by).
const CACHE = 'page-v3';
const PAGE = ['./', 'app.js', 'labels.js', 'phone-store.js', 'pin-lock.js', 'sealing.js', 'app.css', 'icon.svg',
  'manifest.json'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PAGE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

// The page from the network when it answers within a few seconds, so that a fix reaches reporters at once; else
// the copy kept (a slow link would otherwise hold the page back for as long as the network takes to give up).
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/report/')) {
    return;
  }
  const key = url.pathname.endsWith('/') ? './' : event.request;
  const kept = () => caches.match(key);
  const fromNetwork = fetch(event.request).then((answer) => {
    if (answer.ok) {
      const copy = answer.clone();
      caches.open(CACHE).then((cache) => cache.put(key, copy));
      return answer;
    }
    // a proxy's error page or a captive portal's: the kept page serves the reporter better
    return kept().then((copy) => copy || answer);
  });
  const fromCache = new Promise((resolve) => setTimeout(resolve, 4000)).then(kept)
      .then((copy) => copy || fromNetwork);
  event.respondWith(Promise.race([fromNetwork, fromCache])
      .catch(() => kept().then((copy) => copy || Response.error())));
});
