// Search indexes through the real Pagefind indexer: one bundle per edition, made once and then taken from the cache
// (byte for byte the same), and made again when an edition's text changes.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { searchWasmFile, writeSearchIndexes } from "../../../src/search/index.ts";
import { article, writeTree } from "../../helpers/editions.ts";
import { repo, tempDir } from "../../helpers/build.ts";
import { treeHash } from "../../helpers/tree.ts";

async function model(root: string) {
  const d = new Diagnostics();
  const content = await readContent(
    { editionsDir: root, siteFile: path.join(repo, "_data/site.json"), outDir: "", cacheDir: "" },
    d,
  );
  expect(d.errors).toEqual([]);
  return { settings: content.settings, editions: buildModel(content, d) };
}

describe("writeSearchIndexes", () => {
  it("indexes each edition once; a rebuild of the same text takes the cached bundle, a changed edition is indexed again", {
    timeout: 60_000,
  }, async () => {
    const root = writeTree({
      "2024-01-01/01/page.yml": "section: 要闻\n",
      "2024-01-01/01/01-a.md": article("headline: 甲", "档案测试甲的正文。"),
      "2024-01-02/01/page.yml": "section: 要闻\n",
      "2024-01-02/01/01-b.md": article("headline: 乙", "第二期的正文。"),
    });
    const cache = tempDir("search-cache");
    const { settings, editions } = await model(root);
    const first = tempDir("search-out");
    expect(await writeSearchIndexes(editions, first, settings, cache)).toEqual({ records: 2, cached: 0, indexed: 2 });
    const bundle = path.join(first, "2024-01-01", "pagefind");
    expect(fs.existsSync(path.join(bundle, "pagefind-entry.json"))).toBe(true);
    expect(fs.existsSync(path.join(bundle, "manifest.json"))).toBe(false);

    const second = tempDir("search-out");
    expect(await writeSearchIndexes(editions, second, settings, cache)).toEqual({ records: 2, cached: 2, indexed: 0 });
    expect(treeHash(second)).toEqual(treeHash(first));

    fs.writeFileSync(path.join(root, "2024-01-02/01/01-b.md"), article("headline: 乙", "改过的正文。"));
    const changed = await model(root);
    const third = tempDir("search-out");
    expect(await writeSearchIndexes(changed.editions, third, changed.settings, cache)).toEqual({
      records: 2,
      cached: 1,
      indexed: 1,
    });
    expect(treeHash(path.join(third, "2024-01-01"))).toEqual(treeHash(path.join(first, "2024-01-01")));
    expect(treeHash(path.join(third, "2024-01-02"))).not.toEqual(treeHash(path.join(first, "2024-01-02")));
  });
});

describe("searchWasmFile", () => {
  it("names the WebAssembly file Pagefind writes for the paper's language, once, then from the cache", {
    timeout: 60_000,
  }, async () => {
    const cache = tempDir("search-cache");
    const { settings } = await model(
      writeTree({ "2024-01-01/01/page.yml": "section: 要闻\n", "2024-01-01/01/01-a.md": article("headline: 甲") }),
    );
    expect(await searchWasmFile(settings, cache)).toBe("wasm.unknown.pagefind");
    expect(await searchWasmFile({ ...settings, locale: "en-US" }, cache)).toBe("wasm.en.pagefind");
    const entries = fs.readdirSync(path.join(cache, "search"));
    expect(entries).toHaveLength(2);
    // Cached: no probe bundle is left, and asking again reads the entry.
    for (const e of entries) expect(fs.readdirSync(path.join(cache, "search", e))).toEqual(["manifest.json"]);
    expect(await searchWasmFile(settings, cache)).toBe("wasm.unknown.pagefind");
  });
});
