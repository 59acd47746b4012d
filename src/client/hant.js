// 繁體 view: the page's text in traditional characters, with OpenCC's simplified → Taiwan dictionaries (opencc-js,
// copied next to this file); loaded only when a reader asks for it. And the way back for search: a query typed
// in traditional characters, in simplified ones (Taiwan → simplified dictionaries, about 60 KB).
/** @type {Promise<{ convert(): void, restore(): void }> | null} */
var loading = null;

function converter() {
  if (!loading) {
    var base = new URL("opencc/", import.meta.url).href;
    var load = function (name) { return import(base + name).then(function (m) { return m.default || m; }); };
    loading = Promise.all([load("core.js"), load("dict/STPhrases.js"), load("dict/STCharacters.js"),
      load("dict/TWVariantsPhrases.js"), load("dict/TWVariants.js")]).then(function (parts) {
      var core = parts[0];
      var convert = core.ConverterFactory([[parts[1], parts[2]]], [[parts[3], parts[4]]]);
      return core.HTMLConverter(convert, document.documentElement, document.documentElement.lang, "zh-TW");
    });
  }
  return loading;
}

/** Shows the page in traditional characters (true) or as published (false). */
export function traditional(on) {
  return converter().then(function (html) { if (on) html.convert(); else html.restore(); });
}

/** @type {Promise<(text: string) => string> | null} */
var simplifying = null;

/** `text` in simplified characters (a 繁體 query on a simplified paper). */
export function toSimplified(text) {
  if (!simplifying) {
    var base = new URL("opencc/", import.meta.url).href;
    var load = function (name) { return import(base + name).then(function (m) { return m.default || m; }); };
    simplifying = Promise.all([load("core.js"), load("dict/TWVariantsRevPhrases.js"), load("dict/TWVariantsRev.js"),
      load("dict/TSPhrases.js"), load("dict/TSCharacters.js")]).then(function (parts) {
      return parts[0].ConverterFactory([[parts[1], parts[2]]], [[parts[3], parts[4]]]);
    });
  }
  return simplifying.then(function (convert) { return convert(text); });
}
