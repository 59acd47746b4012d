// The browser files every site carries: src/client's (not the service worker, its tsconfig or the area editor) and
// the vendored scripts, byte for byte.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyAssets } from "../../../src/render/assets.ts";
import { projectRoot } from "../../../src/project.ts";

describe("copyAssets", () => {
  it("copies the reader's files and the vendored scripts, and leaves out what no site serves", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "assets-"));
    copyAssets(out);
    const assets = path.join(out, "assets");
    for (const file of [
      "reader.js",
      "settings.js",
      "search.js",
      "site.css",
      "openseadragon.min.js",
      "opencc/core.js",
      "opencc/dict/TWVariants.js",
      "opencc/LICENSE",
    ]) {
      expect(fs.existsSync(path.join(assets, file)), file).toBe(true);
    }
    for (const file of ["sw.js", "tsconfig.json", "globals.d.ts", "editor"])
      expect(fs.existsSync(path.join(assets, file)), file).toBe(false);
    expect(fs.readFileSync(path.join(assets, "reader.js"))).toEqual(
      fs.readFileSync(path.join(projectRoot, "src/client/reader.js")),
    );
  });
});
