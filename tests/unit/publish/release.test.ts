// Releases: what a publish rebuilds, one way to assemble a release, the swap, the lock, garbage collection.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editionsToRebuild } from "../../../src/publish/publish.ts";
import { PublishRoot, searchIndexIn, type StagedBuild } from "../../../src/publish/release.ts";
import { linkMissing } from "../../../src/util/files.ts";
import { tempDir } from "../../helpers/build.ts";

function stage(root: PublishRoot, id: string, dates: string[]): string {
  const staging = path.join(root.dir, `staging-${id}`);
  fs.mkdirSync(staging, { recursive: true });
  for (const date of dates) {
    fs.mkdirSync(path.join(searchIndexIn(path.join(staging, date), date)), { recursive: true });
    fs.writeFileSync(path.join(staging, date, "index.html"), `${date} of ${id}`);
  }
  fs.writeFileSync(path.join(staging, "index.html"), `home of ${id}`);
  return staging;
}

describe("editionsToRebuild", () => {
  it("is tonight's edition, its neighbours, the newest and every edition not live yet", () => {
    const all = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"];
    expect([...editionsToRebuild("2024-01-02", all, new Set(all))].sort()).toEqual([
      "2024-01-01",
      "2024-01-02",
      "2024-01-03",
      "2024-01-04",
    ]);
    expect(
      [...editionsToRebuild("2024-01-01", all, new Set(["2024-01-01", "2024-01-02", "2024-01-04"]))].sort(),
    ).toEqual(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]);
    expect([...editionsToRebuild("2024-01-04", all, new Set(all))].sort()).toEqual(["2024-01-03", "2024-01-04"]);
  });

  it("leaves out a neighbour whose previous and next editions are live already (a publish again), unless its folder changed", () => {
    const all = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"];
    const unchanged = () => false;
    // Tonight (04) published again: 03's next edition is 04 already.
    expect([...editionsToRebuild("2024-01-04", all, new Set(all), false, unchanged)]).toEqual(["2024-01-04"]);
    expect([...editionsToRebuild("2024-01-04", all, new Set(all), false, (d) => d === "2024-01-03")].sort()).toEqual([
      "2024-01-03",
      "2024-01-04",
    ]);
    // Tonight's first publish: 03's next edition changes from none to 04.
    expect([...editionsToRebuild("2024-01-04", all, new Set(all.slice(0, 3)), false, unchanged)].sort()).toEqual([
      "2024-01-03",
      "2024-01-04",
    ]);
    // A past edition published again: the newest is still rebuilt (the home page is its front page).
    expect([...editionsToRebuild("2024-01-02", all, new Set(all), false, unchanged)].sort()).toEqual([
      "2024-01-02",
      "2024-01-04",
    ]);
    // 02 published after 03 went live without it: 01's next and 03's previous both change.
    expect(
      [
        ...editionsToRebuild("2024-01-02", all, new Set(["2024-01-01", "2024-01-03", "2024-01-04"]), false, unchanged),
      ].sort(),
    ).toEqual(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]);
  });

  it("is the edition alone for a late page or a withdrawal", () => {
    const all = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"];
    expect([...editionsToRebuild("2024-01-02", all, new Set(all), true)]).toEqual(["2024-01-02"]);
  });
});

describe("PublishRoot", () => {
  it("assembles a release that links rebuilt editions from the store and keeps the others as they are live", async () => {
    const root = new PublishRoot(path.join(tempDir("release"), "public"));
    for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
    const first = await root.assembleRelease({
      id: "a",
      staging: stage(root, "a", ["2024-01-01", "2024-01-02"]),
      allDates: ["2024-01-01", "2024-01-02"],
      rebuilt: new Set(["2024-01-01", "2024-01-02"]),
    });
    root.swap(first);
    expect(fs.readFileSync(path.join(root.current, "2024-01-01/index.html"), "utf8")).toBe("2024-01-01 of a");

    const staging = stage(root, "b", ["2024-01-02"]);
    fs.writeFileSync(
      path.join(searchIndexIn(root.currentEditions().get("2024-01-02")!, "2024-01-02"), "words"),
      "kept",
    );
    // A neighbour rebuilt for its links keeps its live index: the build links what it did not write.
    fs.rmSync(searchIndexIn(path.join(staging, "2024-01-02"), "2024-01-02"), { recursive: true });
    expect(linkMissing(path.join(root.current, "2024-01-02"), path.join(staging, "2024-01-02"))).toBe(1);
    expect(fs.readFileSync(path.join(staging, "2024-01-02/index.html"), "utf8")).toBe("2024-01-02 of b");
    const second = await root.assembleRelease({
      id: "b",
      staging,
      allDates: ["2024-01-01", "2024-01-02"],
      rebuilt: new Set(["2024-01-02"]),
    });
    root.swap(second);
    expect(fs.readFileSync(path.join(root.current, "index.html"), "utf8")).toBe("home of b");
    expect(fs.readFileSync(path.join(root.current, "2024-01-01/index.html"), "utf8")).toBe("2024-01-01 of a");
    expect(fs.readFileSync(path.join(root.current, "2024-01-02/index.html"), "utf8")).toBe("2024-01-02 of b");
    expect(
      fs.readFileSync(path.join(searchIndexIn(path.join(root.current, "2024-01-02"), "2024-01-02"), "words"), "utf8"),
    ).toBe("kept");
    expect(fs.lstatSync(path.join(root.current, "img")).isSymbolicLink()).toBe(true);

    await expect(
      root.assembleRelease({
        id: "c",
        staging: stage(root, "c", []),
        allDates: ["2024-01-01", "2024-01-09"],
        rebuilt: new Set(),
      }),
    ).rejects.toThrow("editions neither rebuilt nor live: 2024-01-09");
  });

  it("makes a publish's release from the spare one, changing only the links that differ", async () => {
    const root = new PublishRoot(path.join(tempDir("spare"), "public"));
    for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
    const day = (n: number) => `2024-01-0${n}`;
    const days = (...ns: number[]) => ns.map(day);
    const publish = async (id: string, allDates: string[], rebuilt: string[]) => {
      const staged: StagedBuild = { id, staging: stage(root, id, rebuilt), allDates, rebuilt: new Set(rebuilt) };
      // As a publish does: the links are started before the build, from what is live now.
      const fresh = new PublishRoot(root.dir);
      staged.linked = fresh.linkLiveEditions(staged);
      fresh.swap(await fresh.assembleRelease(staged));
      fresh.collectGarbage();
    };
    const inodeOf = (id: string, date: string) => fs.lstatSync(path.join(root.releases, id, date)).ino;
    const served = (date: string) => fs.readFileSync(path.join(root.current, date, "index.html"), "utf8");
    await publish("1", days(1, 2, 3, 4, 5, 6), days(1, 2, 3, 4, 5, 6));
    await publish("2", days(1, 2, 3, 4, 5, 6), days(6));
    const kept = inodeOf("1", day(1));
    // The third publish takes release 1 (the spare): its links to 01–05 are right and stay, 06 and the new 07
    // are tonight's; release 1's cross-edition files go, 3's come.
    await publish("3", days(1, 2, 3, 4, 5, 6, 7), days(6, 7));
    expect(fs.readdirSync(root.releases).sort()).toEqual(["2", "3"]);
    expect(inodeOf("3", day(1))).toBe(kept);
    expect(fs.readFileSync(path.join(root.current, "index.html"), "utf8")).toBe("home of 3");
    for (const [n, id] of [
      [1, "1"],
      [5, "1"],
      [6, "3"],
      [7, "3"],
    ] as const)
      expect(served(day(n))).toBe(`${day(n)} of ${id}`);
    expect(fs.lstatSync(path.join(root.current, "img")).isSymbolicLink()).toBe(true);
    // Release 2, now the one before the live one, is as it was live.
    expect(fs.readFileSync(path.join(root.releases, "2", "index.html"), "utf8")).toBe("home of 2");
    expect(fs.readFileSync(path.join(root.releases, "2", day(6), "index.html"), "utf8")).toBe(`${day(6)} of 2`);
    expect(fs.existsSync(path.join(root.releases, "2", day(7)))).toBe(false);
    // The store keeps what releases 2 and 3 use, and nothing else.
    expect(fs.readdirSync(root.editionStore).sort()).toEqual([
      ...days(1, 2, 3, 4, 5).map((d) => `${d}@1`),
      `${day(6)}@2`,
      `${day(6)}@3`,
      `${day(7)}@3`,
    ]);
    // The release lists its links in one file; without it (a release left by a killed publish) they are read one by one.
    const listed = new PublishRoot(root.dir).currentEditions();
    expect([...listed.keys()]).toEqual(days(1, 2, 3, 4, 5, 6, 7));
    expect(listed.get(day(7))).toBe(path.join(root.editionStore, `${day(7)}@3`));
    fs.rmSync(path.join(root.current, "_banmian", "links.json"));
    expect(new PublishRoot(root.dir).currentEditions()).toEqual(listed);
    // 04 dropped from editions/: the release made from the spare (release 2) loses its link, and 06's wrong one
    // (release 2's own 06) is made right.
    const spareLink = inodeOf("2", day(1));
    await publish("4", days(1, 2, 3, 5, 6, 7), days(7));
    expect(inodeOf("4", day(1))).toBe(spareLink);
    expect(
      fs
        .readdirSync(root.current)
        .filter((n) => n.startsWith("2024"))
        .sort(),
    ).toEqual(days(1, 2, 3, 5, 6, 7));
    expect(served(day(6))).toBe(`${day(6)} of 3`);
    expect(served(day(7))).toBe(`${day(7)} of 4`);
    await expect.poll(() => fs.readdirSync(root.trash), { timeout: 10_000 }).toEqual([]);
  });

  it("makes a new release folder when the spare's links are mostly wrong (the first publish after a rebuild)", async () => {
    const root = new PublishRoot(path.join(tempDir("fresh"), "public"));
    for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
    const dates = ["2024-01-01", "2024-01-02", "2024-01-03"];
    for (const id of ["1", "2"]) {
      const staged = { id, staging: stage(root, id, dates), allDates: dates, rebuilt: new Set(dates) };
      root.swap(await root.assembleRelease(staged));
    }
    const staged = {
      id: "3",
      staging: stage(root, "3", ["2024-01-03"]),
      allDates: dates,
      rebuilt: new Set(["2024-01-03"]),
    };
    root.swap(await root.assembleRelease(staged));
    // Release 1 was not taken: its links all point to its own edition folders, none of them live.
    expect(fs.readdirSync(root.releases).sort()).toEqual(["1", "2", "3"]);
    expect(fs.readFileSync(path.join(root.current, "2024-01-01", "index.html"), "utf8")).toBe("2024-01-01 of 2");
  });

  it("keeps the live release and the one before it, and the edition folders they use", async () => {
    const root = new PublishRoot(path.join(tempDir("gc"), "public"));
    for (const dir of [root.releases, root.editionStore, root.imageStore]) fs.mkdirSync(dir, { recursive: true });
    for (const id of ["1", "2", "3"]) {
      root.swap(
        await root.assembleRelease({
          id,
          staging: stage(root, id, ["2024-01-01"]),
          allDates: ["2024-01-01"],
          rebuilt: new Set(["2024-01-01"]),
        }),
      );
    }
    // A staging folder of a killed publish, and what a killed background deletion left.
    fs.mkdirSync(path.join(root.dir, "staging-x"));
    fs.mkdirSync(path.join(root.trash, "left", "deep"), { recursive: true });
    root.collectGarbage();
    expect(fs.readdirSync(root.releases).sort()).toEqual(["2", "3"]);
    expect(fs.readdirSync(root.editionStore).sort()).toEqual(["2024-01-01@2", "2024-01-01@3"]);
    expect(fs.existsSync(path.join(root.dir, "staging-x"))).toBe(false);
    // The rest is deleted by a process of its own, after this one has moved on.
    await expect.poll(() => fs.readdirSync(root.trash), { timeout: 10_000 }).toEqual([]);
  });

  it("refuses a second publish while the first holds the lock, and takes over a dead holder's lock", () => {
    const root = new PublishRoot(path.join(tempDir("lock"), "public"));
    const unlock = root.lock();
    expect(() => root.lock()).toThrow(`another publish (process ${process.pid}) is running`);
    unlock();
    fs.writeFileSync(path.join(root.dir, "publish.lock"), "999999999");
    root.lock()();
    expect(fs.readdirSync(root.dir)).toEqual([]);
  });
});
