// The search index through nights of publishing: a publish adds its edition's own segment only; the background
// step (npm run search:consolidate --root) merges the year into the store; the next publish's manifest names it;
// segments no release names are deleted.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runScript } from "../helpers/build.ts";
import { fixtureRoot } from "../helpers/publish.ts";
import { manifestEditions } from "../../src/client/search-core.js";

describe("npm run search:consolidate --root after npm run publish", () => {
  it("merges the live year in the background; the next publish names it beside tonight's own segment", () => {
    const fixture = fixtureRoot("search-consolidate");
    const { root } = fixture;
    const manifest = () => JSON.parse(fs.readFileSync(path.join(root, "current/search/manifest.json"), "utf8"));
    const consolidate = () => {
      const run = runScript("search-consolidate.ts", ["--root", root, "--json"]);
      expect(run.code, run.output).toBe(0);
      return JSON.parse(run.stdout);
    };
    const store = path.join(root, "store/img/search");

    fs.renameSync(path.join(fixture.editions, "2024-03-02"), path.join(fixture.base, "tonight"));
    expect(fixture.publish("2024-03-01").code).toBe(0);
    // A publish merges nothing: the edition is searched from its own segment.
    expect(manifest().segments).toEqual([]);
    expect(manifestEditions(manifest())).toEqual([["2024-03-01", 4, -1, 0]]);

    const first = consolidate();
    expect(first.made.map((y: { year: number }) => y.year)).toEqual([2024]);
    // The live release is not changed by it …
    expect(manifest().segments).toEqual([]);

    fs.renameSync(path.join(fixture.base, "tonight"), path.join(fixture.editions, "2024-03-02"));
    expect(fixture.publish("2024-03-02").code).toBe(0);
    // … the next publish names it, and tonight's edition is its own.
    expect(manifest().segments.map((s: { path: string }) => s.path)).toEqual([`/img/search/${first.made[0].id}/`]);
    expect(manifestEditions(manifest())).toEqual([
      ["2024-03-02", 3, -1, 0],
      ["2024-03-01", 4, 0, 0],
    ]);

    // A segment no release names and the editions do not need is deleted; those named are kept.
    fs.mkdirSync(path.join(store, "2020-0123456789ab"));
    const second = consolidate();
    expect(second.made.map((y: { year: number }) => y.year)).toEqual([2024]);
    expect(second.deleted).toEqual(["2020-0123456789ab"]);
    expect(fs.readdirSync(store).sort()).toEqual([first.made[0].id, second.made[0].id].sort());
    expect(consolidate().made).toEqual([]);
  });
});
