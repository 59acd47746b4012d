// No import cycles between the folders of src/: the check on a tree made for it (it fails when a cycle is added),
// and on the real tree.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cyclicImports, folderImports } from "../../../src/dev/folder-cycles.ts";
import { repo, tempDir } from "../../helpers/build.ts";

function tree(files: Record<string, string>): string {
  const root = tempDir("cycles");
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe("cyclicImports", () => {
  it("finds none in folders that import one way, and the imports of a cycle once one is added", () => {
    const files = {
      "src/pipeline/build.ts":
        'import { runPool } from "../util/pool.ts";\nimport { render } from "../render/index.ts";\n',
      "src/render/index.ts":
        'import type { Site } from "../model/site.ts";\nexport const render = () => (await import("../util/pool.ts"));\n',
      "src/model/site.ts": "export interface Site {}\n",
      "src/util/pool.ts": "export const runPool = 1;\n",
    };
    expect(cyclicImports(folderImports(tree(files)))).toEqual([]);
    // The render takes a type from the pipeline: render and pipeline now import each other.
    const cycle = tree({
      ...files,
      "src/render/types.ts": 'import type { BuildOptions } from "../pipeline/build.ts";\n',
    });
    expect(cyclicImports(folderImports(cycle))).toEqual([
      { from: "src/pipeline", to: "src/render", files: ["src/pipeline/build.ts -> src/render/index.ts"] },
      { from: "src/render", to: "src/pipeline", files: ["src/render/types.ts -> src/pipeline/build.ts"] },
    ]);
    // A dynamic import closes a cycle too, here through three folders.
    const dynamic = tree({
      ...files,
      "src/util/late.ts": 'export const late = () => import("../pipeline/build.ts");\n',
      "src/util/pool.ts": 'import "./late.ts";\n',
    });
    expect(cyclicImports(folderImports(dynamic)).map((c) => `${c.from} -> ${c.to}`)).toEqual([
      "src/pipeline -> src/render",
      "src/pipeline -> src/util",
      "src/render -> src/util",
      "src/util -> src/pipeline",
    ]);
  });
});

describe("src/", () => {
  it("has no import cycles between folders", () => {
    expect(cyclicImports(folderImports(repo))).toEqual([]);
  });

  it("keeps src/util neutral: it imports no other folder", () => {
    expect([...(folderImports(repo).get("src/util")?.keys() ?? [])]).toEqual([]);
  });
});
