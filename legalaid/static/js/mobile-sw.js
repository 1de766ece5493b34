// The service worker of the mobile legal aid session page (served by outreach.views_mobile.service_worker, which
// prepends PRECACHE: the page's URL and the static files it needs). The page: network first, the kept copy when
// offline. Static files: the kept copy first. Nothing else is touched (the sync POST always goes to the network).
var CACHE = "legalaid-mobile-v1";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { credentials: "same-origin" }); }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("message", function (event) {
  if (!event.data || event.data.type !== "ready?" || !event.ports[0]) { return; }
  caches.open(CACHE).then(function (cache) { return cache.match(PRECACHE[0]); }).then(function (hit) {
    event.ports[0].postMessage({ ready: Boolean(hit) });
  });
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  var page = PRECACHE[0];
  if (request.mode === "navigate" && url.pathname === page) {
    event.respondWith(
      fetch(request).then(function (response) {
        // A fresh copy of the page when it is the page itself (not a redirect to the login page).
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(CACHE).then(function (cache) { cache.put(page, copy); });
        }
        return response;
      }).catch(function () {
        return caches.open(CACHE).then(function (cache) { return cache.match(page); });
      })
    );
    return;
  }
  if (PRECACHE.indexOf(url.pathname) > 0) {
    event.respondWith(
      caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname).then(function (hit) { return hit || fetch(request); });
      })
    );
  }
});
