// The offline copy of ISMS Register (dist/ only, see docs/deploying.md). scripts/make_dist.mjs
// fills in this build's version and files.
//
// On the first visit it keeps every file of this version in a cache named after the version,
// and from then on answers from that cache first, so the app starts with the network gone.
// A new version (another sw.js on the server) installs beside the old one and WAITS: the app
// offers a reload, and only the person's click (the page posts 'activate') lets it take over,
// so nothing is swapped under someone in the middle of their work. Then older caches go.
'use strict';

var VERSION = '@VERSION@';
var FILES = [@FILES@];
var PREFIX = 'isms-register-';
var CACHE = PREFIX + VERSION;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    // Past the browser's HTTP cache: an older index.html kept there must not become this version's.
    return cache.addAll(FILES.map(function (file) { return new Request(file, { cache: 'no-cache' }); }));
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'activate') self.skipWaiting();
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    // The page's address with a query string is still the page.
    return cache.match(request, { ignoreSearch: request.mode === 'navigate' }).then(function (kept) {
      return kept || fetch(request);
    });
  }));
});
