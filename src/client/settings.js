// 阅读设置 before the first paint: the saved text size, line spacing and 长辈版 go on <html> while the page is
// still being read, so a reader who chose large type never sees the page in the default size first (reader.js is
// deferred and runs after the first paint). Loaded in <head> without defer, so it is kept this small.
(function () {
  var key = "banmian-reading";
  /** @returns {{ size?: string, spacing?: string, elder?: boolean, hant?: boolean }} */
  function read() {
    // Storage can be refused (private mode, a blocked site): the settings then last for this page only.
    try { return JSON.parse(window.localStorage.getItem(key) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(settings) {
    try { window.localStorage.setItem(key, JSON.stringify(settings)); } catch (e) { /* see read */ }
  }
  function apply(settings) {
    var root = document.documentElement;
    root.setAttribute("data-size", settings.size || "2");
    root.setAttribute("data-spacing", settings.spacing || "2");
    root.classList.toggle("elder", !!settings.elder);
  }
  apply(read());
  window.banmianReading = { read: read, save: save, apply: apply };
})();
