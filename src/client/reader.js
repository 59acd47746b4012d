// Optional enhancements for readers: keyboard and swipe flipping, zoom on request. Every page works without it.
(function () {
  "use strict";
  var main = document.querySelector("main[data-next], main[data-previous]");
  function go(url) { if (url) window.location.href = url; }
  if (main) {
    var next = main.getAttribute("data-next");
    var previous = main.getAttribute("data-previous");
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      if (event.key === "ArrowRight") go(next);
      if (event.key === "ArrowLeft") go(previous);
    });
    var startX = null, startY = null;
    document.addEventListener("touchstart", function (e) {
      if (e.touches.length !== 1) { startX = null; return; }
      startX = e.touches[0].clientX; startY = e.touches[0].clientY;
    }, { passive: true });
    document.addEventListener("touchend", function (e) {
      if (startX === null) return;
      var dx = e.changedTouches[0].clientX - startX, dy = e.changedTouches[0].clientY - startY;
      startX = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? next : previous);
    }, { passive: true });
  }

  // Zoom: load the deep-zoom viewer only when a reader asks for it.
  var zoom = document.querySelector(".zoom-button");
  if (zoom) {
    zoom.hidden = false;
    zoom.addEventListener("click", function () {
      var viewer = document.getElementById("zoom-viewer");
      var infoUrl = zoom.getAttribute("data-tiles");
      var script = document.createElement("script");
      script.src = zoom.getAttribute("data-viewer") || document.querySelector("script[src$='reader.js']").src.replace("reader.js", "openseadragon.min.js");
      script.onload = function () {
        fetch(infoUrl).then(function (r) { return r.json(); }).then(function (info) {
          // Tiles are served next to info.json, whatever host the site is on.
          info.id = new URL(infoUrl, window.location.href).href.replace(/\/info\.json$/, "");
          viewer.hidden = false;
          var osd = window.OpenSeadragon({ element: viewer, tileSources: info, showNavigationControl: true, prefixUrl: "", showZoomControl: false, showHomeControl: false, showFullPageControl: false, showRotationControl: false });
          addHotspots(osd);
          zoom.hidden = true;
        });
      };
      document.head.appendChild(script);
    });
  }

  function addHotspots(osd) {
    osd.addHandler("open", function () {
      var size = osd.world.getItemAt(0).getContentSize();
      var aspect = size.y / size.x;
      document.querySelectorAll(".hotspots a").forEach(function (link) {
        var points = link.querySelector("polygon").getAttribute("points").split(" ").map(function (p) { return p.split(",").map(Number); });
        var xs = points.map(function (p) { return p[0] / 1000; }), ys = points.map(function (p) { return p[1] / 1000; });
        var x = Math.min.apply(null, xs), y = Math.min.apply(null, ys);
        var a = document.createElement("a");
        a.href = link.getAttribute("href");
        a.className = "zoom-hotspot";
        a.setAttribute("aria-label", link.getAttribute("aria-label"));
        osd.addOverlay({ element: a, location: new window.OpenSeadragon.Rect(x, y * aspect, Math.max.apply(null, xs) - x, (Math.max.apply(null, ys) - y) * aspect) });
      });
    });
  }
})();
