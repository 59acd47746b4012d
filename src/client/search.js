// Search page: merges the Pagefind indexes of the editions in the chosen range and lists the hits — the newest
// editions' first, so that the first hits are on screen before the oldest editions' indexes have arrived.
(function () {
  
  var form = document.querySelector(".search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !list) return;
  var input = /** @type {HTMLInputElement} */ (form.querySelector("input[name=q]"));
  var scope = /** @type {HTMLSelectElement} */ (form.querySelector("select[name=scope]"));
  var note = /** @type {HTMLElement | null} */ (document.querySelector(".search-note"));
  // Each range's newest index (recent, all, each year), given by the page: searched while the list of editions loads.
  /** @type {Record<string, string>} */
  var firstOf = JSON.parse(list.getAttribute("data-first") || "{}");
  if (note) note.hidden = true;
  var editions = null;
  var engines = {};
  var made = 0;
  var runs = 0;
  // The newest edition is searched alone first, then with the next five, the next 30, then the whole range: each
  // step's hits are shown as it ends, and every index of a step is merged at once.
  var firstBatch = 6;
  var laterBatch = 250;

  function say(key, n) {
    status.textContent = (status.getAttribute("data-" + key) || "").replace("{n}", String(n));
  }

  function chosen(all) {
    var value = scope.value;
    if (value === "recent") return all.slice(0, 30);
    if (value === "all") return all;
    return all.filter(function (e) { return String(e.year) === value; });
  }

  // One Pagefind instance per range: the newest edition's bundle is the primary, the others are merged into it. The
  // module is imported once per range (its URL is the range's own), so one range's merged indexes never answer
  // another's. A range is its list of editions: offline, two sets of saved editions of one length are two ranges.
  function engineFor(range) {
    var key = range.map(function (e) { return e.date; }).join(",");
    if (engines[key]) return engines[key];
    var url = new URL(range[0].index + "pagefind.js", window.location.href);
    // The first range takes the bundle as the page preloaded it; later ones (even after a failure) a module of their own.
    if (made++) url.searchParams.set("range", String(made));
    engines[key] = { merged: 1, ready: bundle(url.href) };
    return engines[key];
  }

  // Imports a Pagefind bundle and starts it (its WebAssembly, its index's metadata) once, whoever asks first.
  var bundles = {};
  function bundle(href) {
    // Result URLs are site-relative; the base is the site's path prefix, whichever bundle they come from.
    var base = list.getAttribute("data-base") || "/";
    return bundles[href] || (bundles[href] = import(href).then(function (pf) {
      // No web worker: a worker could not use the WebAssembly the page preloaded, and would fetch it again.
      return pf.options({ excerptLength: 40, baseUrl: base, noWorker: true }).then(function () { return pf.init(); }).then(function () { return pf; });
    }));
  }

  // Merges the range's indexes up to `upTo` that the engine does not have yet, all at once.
  function mergeUpTo(engine, range, upTo) {
    var base = list.getAttribute("data-base") || "/";
    var from = engine.merged;
    engine.merged = Math.max(from, upTo);
    engine.ready = engine.ready.then(function (pf) {
      return Promise.all(range.slice(from, upTo).map(function (e) {
        return pf.mergeIndex(new URL(e.index, window.location.href).href, { baseUrl: base });
      })).then(function () { return pf; });
    });
    return engine.ready;
  }

  // The hits of one bundle's own index, as the page lists them.
  function hitsOf(pf, query) {
    return pf.search(query).then(function (found) {
      return Promise.all(found.results.slice(0, 30).map(function (r) { return r.data(); }));
    });
  }

  // Searches the newest editions, shows their hits, then the whole range, shows all; `still` says if more is to come.
  // `searched`: the newest edition's index was searched already (its hits shown before the list arrived).
  function searchRange(range, query, onResults, searched) {
    if (range.length === 0) return onResults([], false);
    var engine = engineFor(range);
    // After the first 30, the rest goes in batches: merging thousands of indexes in one step failed in Chromium
    // (ten years: the first hits shown, then an error), and each batch's hits are shown as they come.
    var steps = [1, firstBatch, 30];
    for (var n = 30 + laterBatch; n < range.length; n += laterBatch) steps.push(n);
    steps = steps.concat([range.length]).filter(function (n, i, all) { return n <= range.length && all.indexOf(n) === i; });
    if (searched && steps.length > 1) steps.shift();
    return steps.reduce(function (done, upTo, i) {
      return done.then(function (going) {
        if (!going) return false;
        return mergeUpTo(engine, range, upTo).then(function (pf) {
          return hitsOf(pf, query);
        }).then(function (results) {
          return onResults(results, i < steps.length - 1);
        });
      });
    }, Promise.resolve(true));
  }

  // Offline, only the editions saved for offline reading can be searched (their caches are named by date).
  function savedEditions(range) {
    if (!window.caches) return Promise.resolve([]);
    return window.caches.keys().then(function (names) {
      return range.filter(function (e) {
        return names.some(function (name) { return name.indexOf("banmian-edition-" + e.date + "-") === 0; });
      });
    });
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (r) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r.url;
      a.textContent = r.meta.title;
      var meta = document.createElement("p");
      meta.className = "search-meta";
      meta.textContent = r.meta.date + " · " + r.meta.page;
      var excerpt = document.createElement("p");
      // Pagefind's excerpt only marks hits with <mark>; build it from text, never as HTML.
      r.excerpt.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
        var m = /^<mark>(.*)<\/mark>$/.exec(part);
        var node = m ? document.createElement("mark") : document.createTextNode("");
        node.textContent = (m ? m[1] : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
        excerpt.appendChild(node);
      });
      li.appendChild(a);
      // Where the hit is on the page scan: the page view highlights that area and boxes the words.
      if (r.meta.scan) {
        var onPage = document.createElement("a");
        onPage.className = "search-scan";
        onPage.href = (list.getAttribute("data-base") || "/") + r.meta.scan.slice(1).replace("#", "?hit=" + encodeURIComponent(input.value.trim()) + "#");
        onPage.textContent = list.getAttribute("data-on-page");
        li.appendChild(document.createTextNode(" "));
        li.appendChild(onPage);
      }
      li.appendChild(meta);
      li.appendChild(excerpt);
      list.appendChild(li);
    });
  }

  function run() {
    var query = input.value.trim();
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    say("searching");
    // A newer search makes this one stop showing what it finds.
    var run = ++runs;
    var shown = 0;
    // Before the list of editions is here (the first search of the page), the range's newest index is searched
    // on its own, and the list (35 KB for ten years) is fetched after it, so as not to slow that first step.
    var first = !editions && navigator.onLine ? firstOf[scope.value] : undefined;
    var early = first ? bundle(new URL(first + "pagefind.js", window.location.href).href).then(function (pf) {
      return hitsOf(pf, query);
    }).then(function (results) {
      if (run !== runs || !results.length) return;
      show(results);
      shown = results.length;
    }) : Promise.resolve();
    var fetchList = function () {
      return fetch(list.getAttribute("data-editions") || "").then(function (r) {
        if (!r.ok) throw new Error(r.status + " " + r.url);
        return r.json();
      });
    };
    var load = editions ? Promise.resolve(editions) : first ? early.then(fetchList) : fetchList();
    Promise.all([load, early]).then(function (loaded) {
      editions = loaded[0];
      return navigator.onLine ? chosen(loaded[0]) : savedEditions(chosen(loaded[0]));
    }).then(function (range) {
      return searchRange(range, query, function (results, still) {
        if (run !== runs) return false;
        // While older editions are still being searched, the status keeps saying so.
        if (results.length || !still) show(results);
        shown = results.length;
        if (!still) say(results.length ? "count" : "none", results.length);
        return true;
      }, first !== undefined && range.length > 0 && range[0].index === first);
    }).catch(function () {
      // The list of editions or an index did not arrive (offline, a failed fetch): say so, never "searching…" forever.
      // Hits already shown from the newer editions stay; the status says the older ones were not searched.
      // The next search starts over: a failed engine or module import is not kept.
      engines = {};
      bundles = {};
      if (run !== runs) return;
      if (shown) return say("partial", shown);
      list.textContent = "";
      say("error");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var params = new URLSearchParams({ q: input.value, scope: scope.value });
    history.replaceState(null, "", "?" + params.toString());
    run();
  });
  var params = new URLSearchParams(window.location.search);
  if (params.get("scope")) scope.value = params.get("scope");
  if (params.get("q")) {
    // The newest edition's bundle (preloaded by the page) starts while the list of editions is on its way.
    var preloaded = /** @type {HTMLLinkElement | null} */ (document.querySelector("link[rel=modulepreload]"));
    if (preloaded) bundle(preloaded.href);
    input.value = params.get("q");
    run();
  }
})();
