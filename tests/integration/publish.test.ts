// npm run publish: the live site is replaced whole or not at all — on errors, failures half-way and SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { repo, runScript, tempDir } from "../helpers/build.ts";
import { failingPublish, fixtureRoot, stoppedPublishArgs } from "../helpers/publish.ts";
import { treeFiles, treeHash } from "../helpers/tree.ts";

let editions: string;
let root: string;
let cache: string;
let publish: (date: string) => ReturnType<typeof runScript>;

beforeAll(() => {
  const fixture = fixtureRoot("publish");
  ({ editions, root, cache } = fixture);
  publish = (date) => runScript("publish.ts", [date, "--editions", editions, "--root", root, "--cache", cache]);
  // Start with yesterday's edition only; tonight's (2024-03-02) arrives later.
  fs.renameSync(path.join(editions, "2024-03-02"), path.join(fixture.base, "tonight"));
  const first = publish("2024-03-01");
  if (first.code !== 0) throw new Error(first.output);
  fs.renameSync(path.join(fixture.base, "tonight"), path.join(editions, "2024-03-02"));
});

describe("publish", () => {
  it("prints stages and a summary, and serves the edition from current/", () => {
    expect(fs.readFileSync(path.join(root, "current/2024-03-01/01/index.html"), "utf8")).toContain("01版：要闻");
    expect(fs.existsSync(path.join(root, "current/2024-03-02"))).toBe(false);
  });

  for (const point of ["build", "release", "swap"] as const) {
    it(`a failure at "${point}" leaves the live site byte-identical`, () => {
      const before = treeHash(path.join(root, "current"));
      const result = failingPublish(point, ["2024-03-02", "--editions", editions, "--root", root, "--cache", cache]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("the live site was not changed");
      expect(treeHash(path.join(root, "current"))).toEqual(before);
      expect(fs.readdirSync(root).filter((n) => n.startsWith("staging-"))).toEqual([]);
    });
  }

  it("a content error stops the publish before anything changes", () => {
    const file = path.join(editions, "2024-03-02/A02/01-gongyuan.md");
    const good = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, good.replace("headline:", "headlin:"));
    try {
      const before = treeHash(path.join(root, "current"));
      const result = publish("2024-03-02");
      expect(result.code).toBe(2);
      expect(result.output).toContain(
        '2024-03-02/A02/01-gongyuan.md:2: front matter "headlin": unknown key: did you mean "headline"?',
      );
      expect(treeHash(path.join(root, "current"))).toEqual(before);
    } finally {
      fs.writeFileSync(file, good);
    }
  });

  for (const point of ["build", "release", "swap", "clean up"] as const) {
    it(`a publish killed with SIGKILL at "${point}" leaves the old site, or (after the swap) the whole new one`, async () => {
      const before = treeHash(path.join(root, "current"));
      const child = spawn(
        process.execPath,
        stoppedPublishArgs("hold", point, ["2024-03-02", "--editions", editions, "--root", root, "--cache", cache]),
        { cwd: repo },
      );
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`holding at ${point}`)) child.kill("SIGKILL");
      });
      const [, signal] = await new Promise<[number | null, string | null]>((resolve) =>
        child.on("exit", (c, s) => resolve([c, s])),
      );
      expect(signal, output).toBe("SIGKILL");
      if (point === "clean up") {
        expect(fs.readFileSync(path.join(root, "current/2024-03-02/a01/index.html"), "utf8")).toContain("A01版：要闻");
        expect(fs.readFileSync(path.join(root, "current/index.html"), "utf8")).toContain("A01版：要闻");
      } else {
        expect(treeHash(path.join(root, "current"))).toEqual(before);
      }
    });
  }

  /** Starts a publish that stops at "build" holding the lock; resolves once it is there. */
  function holdingPublish(): Promise<ChildProcess> {
    const child = spawn(
      process.execPath,
      stoppedPublishArgs("hold", "build", ["2024-03-02", "--editions", editions, "--root", root, "--cache", cache]),
      { cwd: repo },
    );
    return new Promise((resolve, reject) => {
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("holding at build")) resolve(child);
      });
      child.on("exit", () => reject(new Error(`the publish ended before holding:\n${output}`)));
    });
  }

  it("refuses a publish while another holds the lock, naming its process", async () => {
    const holder = await holdingPublish();
    try {
      const result = publish("2024-03-02");
      expect(result.code, result.output).toBe(1);
      expect(result.stderr).toContain(`another publish (process ${holder.pid}) is running: wait for it to finish`);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("a publish started the moment another is killed with SIGKILL takes the lock over and publishes", async () => {
    for (let trial = 0; trial < 2; trial++) {
      const holder = await holdingPublish();
      holder.kill("SIGKILL");
      // Run at once and synchronously: this process cannot reap the killed one meanwhile, so it is still a zombie
      // whose pid answers kill(pid, 0).
      const result = publish("2024-03-02");
      expect(result.code, result.output).toBe(0);
      expect(result.stdout).toContain("published 2024-03-02");
    }
  });

  it("publishing tonight's edition updates home, calendar and yesterday's next-edition link", () => {
    const yesterdayIndex = () => fs.statSync(path.join(root, "current/2024-03-01/search/meta.json")).ino;
    const before = yesterdayIndex();
    const result = publish("2024-03-02");
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/published 2024-03-02 as release \S+: \d+ pages, \d+ articles/);
    const current = path.join(root, "current");
    expect(fs.readFileSync(path.join(current, "index.html"), "utf8")).toContain("A01版：要闻");
    expect(fs.readFileSync(path.join(current, "archive/2024/index.html"), "utf8")).toContain('href="/2024-03-02/a01/"');
    expect(fs.readFileSync(path.join(current, "2024-03-01/02/index.html"), "utf8")).toContain(
      '<a rel="next" href="/2024-03-02/">',
    );
    expect(fs.readFileSync(path.join(current, "feed.xml"), "utf8")).toContain("春季招聘会举行");
    // Yesterday's search index was linked from the live store, not made again; tonight's was made.
    expect(fs.existsSync(path.join(current, "2024-03-02/search/meta.json"))).toBe(true);
    expect(yesterdayIndex()).toBe(before);
    // Yesterday's articles are still in the feed and the sitemap, read from its summary, not its content.
    expect(fs.readFileSync(path.join(current, "feed.xml"), "utf8")).toContain("社区食堂开张");
    expect(fs.readFileSync(path.join(current, "sitemaps/2024-03.xml"), "utf8")).toContain("/2024-03-01/02/shequ/");
  });

  it("yesterday's edition, rebuilt tonight for its links only, is file for file what a whole build makes of it", () => {
    const full = path.join(tempDir("publish-full"), "site");
    const built = runScript("build.ts", ["--editions", editions, "--out", full, "--cache", cache]);
    expect(built.code, built.output).toBe(0);
    // The URL ledger keeps the edition's publishing history; everything a reader or a tool fetches must match.
    const files = (dir: string) => treeFiles(dir).filter((f) => !f.startsWith("_banmian/"));
    const live = path.join(root, "current/2024-03-01");
    const whole = path.join(full, "2024-03-01");
    expect(files(live)).toEqual(files(whole));
    for (const file of files(whole)) {
      expect(fs.readFileSync(path.join(live, file)).equals(fs.readFileSync(path.join(whole, file))), file).toBe(true);
    }
  });

  it("tonight's edition published again (after a fix) leaves yesterday's as it is live: its links are right already", () => {
    const yesterday = () => fs.readlinkSync(path.join(root, "current/2024-03-01"));
    const before = yesterday();
    const result = runScript("publish.ts", [
      "2024-03-02",
      "--json",
      "--editions",
      editions,
      "--root",
      root,
      "--cache",
      cache,
    ]);
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(result.stdout).rebuiltEditions).toEqual(["2024-03-02"]);
    expect(yesterday()).toBe(before);
    expect(fs.readFileSync(path.join(root, "current/2024-03-01/02/index.html"), "utf8")).toContain(
      '<a rel="next" href="/2024-03-02/">',
    );
  });

  it("yesterday's edition, edited since it went live, is rebuilt whole by tonight's publish", () => {
    const file = path.join(editions, "2024-03-01/02/01-shequ.md");
    const before = fs.readFileSync(file, "utf8");
    fs.writeFileSync(file, before.replace("headline: 社区食堂开张", "headline: 社区食堂今日开张"));
    try {
      const result = publish("2024-03-02");
      expect(result.code, result.output).toBe(0);
      const view = fs.readFileSync(path.join(root, "current/2024-03-01/02/shequ/index.html"), "utf8");
      expect(view).toContain("社区食堂今日开张");
      expect(fs.readFileSync(path.join(root, "current/2024-03-01/02/index.html"), "utf8")).toContain(
        "社区食堂今日开张",
      );
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  it("a published edition's offline copy lists its pictures from the image store and its search index, yesterday's too", () => {
    const current = path.join(root, "current");
    for (const date of ["2024-03-01", "2024-03-02"]) {
      const manifest = JSON.parse(fs.readFileSync(path.join(current, date, "offline.json"), "utf8")) as {
        files: string[];
      };
      const pictures = manifest.files.filter((f) => f.startsWith("img/"));
      expect(pictures.length, date).toBeGreaterThan(0);
      expect(manifest.files, date).toContain(`${date}/search/meta.json`);
      // Everything it lists is served by the live release: the worker would fail to save the copy otherwise.
      for (const file of manifest.files) {
        const served = path.join(current, file.endsWith("/") ? `${file}index.html` : file);
        expect(fs.existsSync(served), file).toBe(true);
      }
    }
  });

  it("a withdrawal failing before the swap is taken back; one failing after it (clean-up) stays, and says the site changed", () => {
    const args = ["2024-03-01", "--withdraw", "tianqi", "--editions", editions, "--root", root, "--cache", cache];
    const withdraw = (failAt?: "swap" | "clean up") =>
      failAt ? failingPublish(failAt, args) : runScript("publish.ts", args);
    const yml = path.join(editions, "2024-03-01/edition.yml");
    const ymlBefore = fs.readFileSync(yml, "utf8");
    const current = () => fs.readlinkSync(path.join(root, "current"));
    const tianqi = () => fs.readFileSync(path.join(root, "current/2024-03-01/01/tianqi/index.html"), "utf8");
    const images: string[] = JSON.parse(
      fs.readFileSync(path.join(root, "current/2024-03-01/_banmian/urls.json"), "utf8"),
    ).articles.find((a: { url: string }) => a.url === "/2024-03-01/01/tianqi/").images;
    expect(images.length).toBeGreaterThan(0);

    const before = treeHash(path.join(root, "current"));
    const early = withdraw("swap");
    expect(early.code, early.output).toBe(1);
    expect(early.stderr).toContain("the live site was not changed");
    expect(fs.readFileSync(yml, "utf8")).toBe(ymlBefore);
    expect(treeHash(path.join(root, "current"))).toEqual(before);

    const release = current();
    const late = withdraw("clean up");
    expect(late.code, late.output).toBe(1);
    expect(late.stderr).not.toContain("the live site was not changed");
    expect(late.stderr).toContain('publish went live but did not finish: publish stopped at "clean up"');
    expect(late.stderr).toMatch(
      /the new release \S+ IS live \(.*current\): the live site was changed and stays so, and .*edition\.yml keeps the withdrawal/,
    );
    expect(late.stderr).toContain("run the same publish again to finish it");
    // The live site is the new release, and edition.yml says what it shows (so a later publish keeps it withdrawn).
    expect(current()).not.toBe(release);
    expect(tianqi()).toContain("<h1>本文已撤回</h1>");
    expect(fs.readFileSync(yml, "utf8")).toMatch(/withdrawn:\n {2}- \{ article: 01\/tianqi, time: /);
    // The clean-up did not run: the pictures are still there until the same publish is run again.
    for (const key of images) expect(fs.existsSync(path.join(root, "store/img", key)), key).toBe(true);
    const again = withdraw();
    expect(again.code, again.output).toBe(0);
    expect(fs.readFileSync(yml, "utf8").match(/01\/tianqi/g)).toHaveLength(1);
    expect(tianqi()).toContain("<h1>本文已撤回</h1>");
    for (const key of images) expect(fs.existsSync(path.join(root, "store/img", key)), key).toBe(false);
  });
});
