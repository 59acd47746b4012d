// The import rules dependency-cruiser checks in npm test (.dependency-cruiser.cjs): green on src/, red on a cycle.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const cruise = (target: string) =>
  spawnSync(
    path.join(repo, "node_modules/.bin/depcruise"),
    [target, "--config", ".dependency-cruiser.cjs", "--output-type", "err"],
    {
      cwd: repo,
      encoding: "utf8",
    },
  );
const scratch = path.join(repo, ".tmp", `dependency-rules-${process.pid}`);

describe("the import rules", () => {
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it("hold on src/", () => {
    const run = cruise("src");
    expect(run.stdout + run.stderr).toMatch(/no dependency violations found/u);
    expect(run.status).toBe(0);
  });

  it("fail, naming the rule, when two modules import each other", () => {
    fs.mkdirSync(scratch, { recursive: true });
    fs.writeFileSync(path.join(scratch, "a.ts"), 'import { b } from "./b.ts";\nexport const a = () => b;\n');
    fs.writeFileSync(path.join(scratch, "b.ts"), 'import { a } from "./a.ts";\nexport const b = () => a;\n');
    const run = cruise(path.relative(repo, scratch));
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/no-circular/u);
  });
});
