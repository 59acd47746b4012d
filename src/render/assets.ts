// The browser code, styles and vendored scripts every site carries under assets/, copied as they are. A plain
// copy of a fixed list: Eleventy's passthrough copy globbed and copied the same files (14 then) in about 60 ms of
// every build, more than a one-edition build spends in any stage but the render.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../project.ts";

const opencc = "node_modules/opencc-js/dist/esm-lib";

/** Source (from the project root) → path under the site's assets/. */
function assetFiles(): [string, string][] {
  // src/client's own files, less the service worker (a template, sw.njk, at the site root), the browser tsconfig,
  // and the area editor (src/client/editor/), which only npm start's dev server serves.
  const client = fs
    .readdirSync(path.join(projectRoot, "src/client"), { withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== "sw.js" && e.name !== "tsconfig.json" && !e.name.endsWith(".d.ts"))
    .map((e): [string, string] => [`src/client/${e.name}`, e.name]);
  return [
    ...client,
    ["node_modules/openseadragon/build/openseadragon/openseadragon.min.js", "openseadragon.min.js"],
    // The 繁體 view's converter and only the dictionaries of simplified → Taiwan traditional, and of the way back
    // for a search typed in traditional characters (see src/client/hant.js).
    ...[
      "core.js",
      "dict/STPhrases.js",
      "dict/STCharacters.js",
      "dict/TWVariantsPhrases.js",
      "dict/TWVariants.js",
      "dict/TWVariantsRevPhrases.js",
      "dict/TWVariantsRev.js",
      "dict/TSPhrases.js",
      "dict/TSCharacters.js",
    ].map((file): [string, string] => [`${opencc}/${file}`, `opencc/${file}`]),
    ["node_modules/opencc-js/LICENSE", "opencc/LICENSE"],
  ];
}

/** Copies the assets into outDir/assets (the output's own copies: a release never shares files with the project). */
export function copyAssets(outDir: string): void {
  for (const [from, to] of assetFiles()) {
    const target = path.join(outDir, "assets", to);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(projectRoot, from), target);
  }
}
