// Offline reading: saves an edition on request and answers from it when the network is gone. Online, every
// request goes to the network as if this worker were not there, so corrections reach readers at once.


var CACHE_PREFIX = "banmian-edition-";

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

// The page asks: { type: "save", manifest: URL of the edition's offline.json }, with a port for the answer.
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (data.type !== "save" || !port) return;
  event.waitUntil(save(data.manifest).then(
    function (count) { port.postMessage({ ok: true, files: count }); },
    function (err) { port.postMessage({ ok: false, error: String(err) }); }
  ));
});

function save(manifestUrl) {
  return fetch(manifestUrl, { cache: "no-cache" }).then(function (response) {
    if (!response.ok) throw new Error(manifestUrl + ": HTTP " + response.status);
    return response.json();
  }).then(function (manifest) {
    // Manifest paths are relative to the site root, which is this worker's scope under any path prefix.
    var urls = manifest.files.map(function (file) { return new URL(file, self.registration.scope).href; });
    return caches.open(manifest.cache).then(function (cache) {
      // addAll stores all or nothing: a half-saved edition would fail the reader later, offline. Fetched past the
      // HTTP cache, so a replaced page is not saved in its old version.
      var requests = urls.map(function (url) { return new Request(url, { cache: "no-cache" }); });
      return cache.addAll(requests).then(function () { return cache.keys(); }).then(function (keys) {
        var wanted = new Set(urls);
        return Promise.all(keys.filter(function (r) { return !wanted.has(r.url); }).map(function (r) { return cache.delete(r); }));
      });
    }).then(function () { return dropOlderReleases(manifest); }).then(function () { return urls.length; });
  });
}

// The edition's copies from earlier releases (a page replaced, a correction): only the new one is kept.
function dropOlderReleases(manifest) {
  var prefix = CACHE_PREFIX + manifest.edition + "-";
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf(prefix) === 0 && name !== manifest.cache; })
      .map(function (name) { return caches.delete(name); }));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith(fetch(request).catch(function (err) {
    return fromCache(request).then(function (response) {
      if (response) return response;
      throw err;
    });
  }));
});

function fromCache(request) {
  return caches.match(request, { ignoreSearch: true }).then(function (hit) {
    return hit || otherVariant(new URL(request.url));
  });
}

// A picture is saved in one width and format; any other variant asked for (srcset) gets that one, which the
// <img> scales to its box. Pictures live one folder each: /img/<hash>/<width>.<format>.
function otherVariant(url) {
  var folder = url.pathname.replace(/[^/]*$/, "");
  if (!/\/img\/[^/]+\/$/.test(folder)) return Promise.resolve(undefined);
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(CACHE_PREFIX) === 0; }).reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (keys) {
            var key = keys.find(function (r) {
              var path = new URL(r.url).pathname;
              return path.indexOf(folder) === 0 && path.indexOf("/", folder.length) === -1;
            });
            return key ? cache.match(key) : undefined;
          });
        });
      });
    }, Promise.resolve(undefined));
  });
}
