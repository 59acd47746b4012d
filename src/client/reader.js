// Optional enhancements for readers: keyboard and swipe flipping, zoom on request, prefetching the next page's
// scan, saving an edition for offline reading, reading settings, list ⇄ scan highlights, search hits on the scan,
// and the article tools (read aloud, 繁體 and their code loaded only when used). Every page works without this script.
(function () {
  
  // Same breakpoint as site.css: below it the page view is text first and its scan is hidden until asked for.
  var narrow = window.matchMedia("(max-width: 39.99em)");
  var main = document.querySelector("main[data-next], main[data-previous]");
  // Held so the prefetched image's nodes live until it has downloaded.
  var prefetched = null;
  function go(url) { if (url) window.location.href = url; }

  if (main) {
    var next = main.getAttribute("data-next");
    var previous = main.getAttribute("data-previous");
    document.addEventListener("keydown", function (event) {
      var target = /** @type {HTMLElement} */ (event.target);
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      // The zoom viewer pans with the arrow keys.
      if (target && target.closest && target.closest(".zoom-viewer")) return;
      if (event.key === "ArrowRight") go(next);
      if (event.key === "ArrowLeft") go(previous);
    });

    var startX = null, startY = null;
    document.addEventListener("touchstart", function (e) {
      startX = null;
      // Not while pinch-zoomed, nor in places where a horizontal swipe scrolls or pans something else.
      if (e.touches.length !== 1 || (window.visualViewport && window.visualViewport.scale > 1.01)) return;
      var touched = /** @type {Element} */ (e.target);
      if (touched.closest && touched.closest(".zoom-viewer, .page-strip")) return;
      startX = e.touches[0].clientX; startY = e.touches[0].clientY;
    }, { passive: true });
    document.addEventListener("touchend", function (e) {
      if (startX === null) return;
      var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? next : previous);
    }, { passive: true });
  }

  setUpZoom(document.querySelector(".zoom-button"));
  setUpOffline(document.querySelector(".offline-button"));
  setUpSettings(/** @type {HTMLElement} */ (document.querySelector(".reading-settings")));
  setUpTools(document.querySelector(".tool-buttons"));
  setUpHighlights();
  showSearchHit();
  window.addEventListener("load", function () {
    (window.requestIdleCallback || window.setTimeout)(prefetchNextScan);
  });

  // Zoom: the deep-zoom viewer (~350 KB) is loaded only when a reader asks for it.
  function setUpZoom(button) {
    if (!button) return;
    // Offline, only if the tiles were saved with the edition.
    if (!navigator.onLine) {
      if (window.caches) window.caches.match(new URL(button.getAttribute("data-tiles"), window.location.href).href).then(function (hit) {
        if (hit) setUpZoomButton(button);
      });
      return;
    }
    setUpZoomButton(button);
  }

  function setUpZoomButton(button) {
    var viewer = document.getElementById("zoom-viewer");
    var opened = null;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = viewer.hidden;
      viewer.hidden = !open;
      // The deep zoom takes the scan's place (its areas stay links over the tiles).
      /** @type {HTMLElement} */ (viewer.parentNode.querySelector(".replica-frame")).hidden = open;
      button.textContent = open ? button.getAttribute("data-close") : label;
      button.setAttribute("aria-expanded", String(open));
      if (open && !opened) opened = loadViewer(button.getAttribute("data-viewer"), button.getAttribute("data-tiles"), viewer);
    });
  }

  function loadViewer(scriptUrl, infoUrl, viewer) {
    // OpenSeadragon adds an inline <style> unless it finds style[data-openseadragon-mobile-css], and the CSP
    // refuses inline styles (even an empty one). An element named "style" outside the HTML namespace matches
    // that selector without being a style sheet.
    if (!document.querySelector("style[data-openseadragon-mobile-css]")) {
      var marker = document.createElementNS("urn:x-banmian", "style");
      marker.setAttribute("data-openseadragon-mobile-css", "");
      document.head.appendChild(marker);
    }
    return Promise.all([loadScript(scriptUrl), fetch(infoUrl).then(function (r) { return r.json(); })]).then(function (results) {
      var info = results[1];
      // Tiles are served next to info.json, whatever host and path prefix the site is on.
      info.id = new URL(infoUrl, window.location.href).href.replace(/\/info\.json$/, "");
      var still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      var osd = /** @type {any} */ (window).OpenSeadragon({
        element: viewer, tileSources: info, prefixUrl: "", showNavigationControl: false,
        animationTime: still ? 0 : 1.2, springStiffness: still ? 100 : 6.5,
      });
      osd.addHandler("open", function () { addHotspots(osd); });
      return osd;
    });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  // The same article areas as links over the zoomed scan (OpenSeadragon's coordinates: width 1, height h/w). Each
  // is its polygon in an overlay over its bounding box; only the polygon takes clicks, so an L-shaped area does not
  // cover the neighbour in its notch.
  function addHotspots(osd) {
    var OSD = /** @type {any} */ (window).OpenSeadragon;
    // The viewer captures every pointer press for panning, so a click never reaches an area's link: a quick click
    // (not a drag) over an area's polygon follows its link. Keyboard users get the link itself (Tab, Enter).
    osd.addHandler("canvas-click", function (e) {
      var event = e.originalEvent;
      if (!e.quick || !event) return;
      var hit = document.elementsFromPoint(event.clientX, event.clientY).find(function (el) { return el.closest(".zoom-hotspot a"); });
      if (hit) window.location.href = hit.closest("a").getAttribute("href");
    });
    var size = osd.world.getItemAt(0).getContentSize();
    var aspect = size.y / size.x;
    var svgNs = "http://www.w3.org/2000/svg";
    document.querySelectorAll(".hotspots a").forEach(function (link) {
      var pointsText = link.querySelector("polygon").getAttribute("points");
      var points = pointsText.split(" ").map(function (p) { return p.split(",").map(Number); });
      var xs = points.map(function (p) { return p[0]; }), ys = points.map(function (p) { return p[1]; });
      var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
      var w = Math.max.apply(null, xs) - x, h = Math.max.apply(null, ys) - y;
      var box = document.createElement("div");
      box.className = "zoom-hotspot";
      var svg = document.createElementNS(svgNs, "svg");
      svg.setAttribute("viewBox", x + " " + y + " " + w + " " + h);
      svg.setAttribute("preserveAspectRatio", "none");
      var a = document.createElementNS(svgNs, "a");
      a.setAttribute("href", link.getAttribute("href"));
      a.setAttribute("aria-label", link.getAttribute("aria-label"));
      var polygon = document.createElementNS(svgNs, "polygon");
      polygon.setAttribute("points", pointsText);
      a.appendChild(polygon);
      svg.appendChild(a);
      box.appendChild(svg);
      osd.addOverlay({ element: box, location: new OSD.Rect(x / 1000, (y / 1000) * aspect, w / 1000, (h / 1000) * aspect) });
    });
    // A search hit's word boxes, boxed on the zoomed scan too.
    document.querySelectorAll(".hotspots .hit-box").forEach(function (rect) {
      var at = ["x", "y", "width", "height"].map(function (name) { return Number(rect.getAttribute(name)) / 1000; });
      var mark = document.createElement("div");
      mark.className = "zoom-hit";
      osd.addOverlay({ element: mark, location: new OSD.Rect(at[0], at[1] * aspect, at[2], at[3] * aspect) });
    });
  }

  // The next page's scan, in the width and format this browser would pick for it, once this page is done.
  // Not on phones (the scan is hidden there until asked for) nor when the reader saves data.
  function prefetchNextScan() {
    var template = document.getElementById("next-scan");
    if (!template || narrow.matches || (/** @type {any} */ (navigator).connection && /** @type {any} */ (navigator).connection.saveData)) return;
    // Adopting the inert copy starts the image's own source selection and download; it is never shown.
    prefetched = document.importNode(/** @type {HTMLTemplateElement} */ (template).content, true);
  }

  // Offline: a service worker at the site root saves the edition listed in its offline.json into Cache Storage,
  // in a cache named by the release. A copy saved from an older release is replaced on the next visit online.
  function setUpOffline(button) {
    if (!button || !("serviceWorker" in navigator) || !window.caches) return;
    var status = button.parentNode.querySelector(".offline-status");
    var remove = /** @type {HTMLButtonElement} */ (button.parentNode.querySelector(".offline-remove"));
    var prefix = button.getAttribute("data-prefix");
    var manifestUrl = new URL(button.getAttribute("data-manifest"), window.location.href).href;
    var say = function (key) { status.textContent = button.getAttribute("data-" + key); };
    button.parentNode.hidden = false;
    function save(quiet) {
      button.disabled = true;
      if (!quiet) say("saving");
      return navigator.serviceWorker.register(button.getAttribute("data-worker"))
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) { return ask(registration.active, { type: "save", manifest: manifestUrl }); })
        .then(function () { say(quiet ? "updated" : "saved"); remove.hidden = false; button.disabled = false; },
          function () { say("failed"); button.disabled = false; });
    }
    savedCache(prefix).then(function (name) {
      if (!name) return;
      say("saved");
      remove.hidden = false;
      if (!navigator.onLine) return;
      return fetch(manifestUrl, { cache: "no-cache" }).then(function (r) { return r.json(); }).then(function (manifest) {
        if (manifest.cache !== name) return save(true);
      });
    }).catch(function () { /* storage or network unavailable: the buttons still work and report failures */ });
    button.addEventListener("click", function () { save(false); });
    remove.addEventListener("click", function () {
      savedCache(prefix).then(function (name) { return name && window.caches.delete(name); }).then(function () {
        remove.hidden = true;
        status.textContent = remove.getAttribute("data-removed");
        button.focus();
      });
    });
  }

  /** The name of the cache this edition is saved in, or undefined. */
  function savedCache(prefix) {
    return window.caches.keys().then(function (names) {
      return names.find(function (name) { return name.indexOf(prefix) === 0; });
    });
  }

  // 阅读设置: text size, line spacing, 长辈版 and 繁體, kept for every page in localStorage.
  // settings.js, loaded before the page, keeps them and has already put them on <html>.
  function setUpSettings(panel) {
    var reading = window.banmianReading;
    if (!panel || !reading) return;
    var settings = reading.read();
    var form = panel.querySelector(".settings-form");
    var checked = function (name) { var input = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name=" + name + "]:checked")); return input ? input.value : ""; };
    var hant = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name=hant]"));
    panel.hidden = false;
    ["size", "spacing"].forEach(function (name) {
      var input = /** @type {HTMLInputElement | null} */ (form.querySelector("input[name=" + name + "][value='" + settings[name] + "']"));
      if (input) input.checked = true;
    });
    /** @type {HTMLInputElement} */ (form.querySelector("input[name=elder]")).checked = !!settings.elder;
    if (hant) {
      hant.checked = !!settings.hant;
      if (settings.hant) traditional(hant, true);
    }
    form.addEventListener("change", function (event) {
      var changedHant = event.target === hant;
      settings = { size: checked("size"), spacing: checked("spacing"), elder: !!checked("elder"), hant: !!checked("hant") };
      reading.save(settings);
      reading.apply(settings);
      if (changedHant) traditional(hant, hant.checked);
    });
  }

  function traditional(input, on) {
    import(input.getAttribute("data-module")).then(function (m) { return m.traditional(on); }, function () {
      // Offline without the converter saved (an edition saved before it existed): the text stays as published.
      input.checked = false;
    });
  }

  // Read aloud (where the browser can speak), print and copy link on article and story views.
  function setUpTools(bar) {
    if (!bar) return;
    bar.hidden = false;
    var status = bar.querySelector(".tool-status");
    var read = /** @type {HTMLButtonElement} */ (bar.querySelector(".read-aloud"));
    if (window.speechSynthesis && window.SpeechSynthesisUtterance) {
      read.hidden = false;
      read.addEventListener("click", function first(event) {
        read.removeEventListener("click", first);
        event.stopImmediatePropagation();
        import(read.getAttribute("data-module")).then(function (m) {
          m.setUpReadAloud(read, document.querySelector("main article"));
          read.click();
        });
      });
    }
    bar.querySelector(".print-button").addEventListener("click", function () { window.print(); });
    var copy = bar.querySelector(".copy-link");
    copy.addEventListener("click", function () {
      // The article's public address (its canonical URL), as the share link and QR code show it.
      var url = /** @type {HTMLLinkElement} */ (document.querySelector("link[rel=canonical]")).href;
      navigator.clipboard.writeText(url).then(function () { status.textContent = copy.getAttribute("data-copied"); },
        function () { window.prompt("", url); });
    });
  }

  // List ⇄ scan: hovering or focusing an article in the list lights up its area on the scan, and the other way
  // round; every area of the same story is lit, and the strip marks the other pages the story is on.
  function setUpHighlights() {
    var items = document.querySelectorAll("[data-story]");
    if (!items.length) return;
    function light(story, on) {
      items.forEach(function (item) { if (item.getAttribute("data-story") === story) item.classList.toggle("lit", on); });
      document.querySelectorAll(".page-strip [data-stories]").forEach(function (p) {
        if ((" " + p.getAttribute("data-stories") + " ").indexOf(" " + story + " ") >= 0) p.classList.toggle("lit", on);
      });
    }
    items.forEach(function (item) {
      var story = item.getAttribute("data-story");
      ["mouseenter", "focusin"].forEach(function (type) { item.addEventListener(type, function () { light(story, true); }); });
      ["mouseleave", "focusout"].forEach(function (type) { item.addEventListener(type, function () { light(story, false); }); });
    });
  }

  // From a search result (?hit=word#area-…): the article's area is lit by :target; where the page's word boxes were
  // recorded at build time, the matched words are boxed on the scan too (the boxes are loaded only for a hit).
  function showSearchHit() {
    var hit = new URLSearchParams(window.location.search).get("hit");
    var svg = document.querySelector(".hotspots");
    var source = svg && svg.getAttribute("data-words");
    if (!hit || !source) return;
    fetch(source).then(function (r) { return r.json(); }).then(function (words) {
      var ns = "http://www.w3.org/2000/svg";
      var query = hit.trim().toLowerCase();
      words.lines.forEach(function (line) {
        var text = line.text.toLowerCase();
        for (var at = text.indexOf(query); at >= 0 && query; at = text.indexOf(query, at + query.length)) {
          var boxes = line.chars.slice(at, at + query.length);
          var x0 = Math.min.apply(null, boxes.map(function (b) { return b[0]; }));
          var y0 = Math.min.apply(null, boxes.map(function (b) { return b[1]; }));
          var x1 = Math.max.apply(null, boxes.map(function (b) { return b[2]; }));
          var y1 = Math.max.apply(null, boxes.map(function (b) { return b[3]; }));
          var rect = document.createElementNS(ns, "rect");
          rect.setAttribute("class", "hit-box");
          rect.setAttribute("x", String(x0)); rect.setAttribute("y", String(y0));
          rect.setAttribute("width", String(x1 - x0)); rect.setAttribute("height", String(y1 - y0));
          svg.appendChild(rect);
        }
      });
    });
  }

  function ask(worker, message) {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { (event.data && event.data.ok ? resolve : reject)(event.data); };
      worker.postMessage(message, [channel.port2]);
    });
  }
})();
