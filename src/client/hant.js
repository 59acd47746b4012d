// 繁體 view: the page's text in traditional characters, with OpenCC's simplified → Taiwan dictionaries (opencc-js,
// copied next to this file); loaded only when a reader asks for it.
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
