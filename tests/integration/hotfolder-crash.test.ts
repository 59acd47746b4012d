// npm run desk killed with SIGKILL in the middle of an import and of a publish, and started again: every page is
// imported once and live once, the live site is never half-changed, and the dead process does not hold the lock.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { holderRuns, type LockRecord } from "../../src/publish/lock.ts";
import {
  deskFolders,
  drop,
  liveFile,
  readJournal,
  startDesk,
  until,
  type DeskFolders,
  type RunningDesk,
} from "../helpers/desk.ts";
import { treeFiles } from "../helpers/tree.ts";
import { twoArticlePage } from "../helpers/page-pdfs.ts";

const date = "2024-06-01";
let folders: DeskFolders;
let desk: RunningDesk | undefined;
const output = () => desk?.lines.slice(-40).join("\n") ?? "";
const lockFile = () => path.join(folders.root, "publish.lock");

async function killAt(point: string): Promise<void> {
  await until(() => desk!.lines.includes(`holding at ${point}`), `the desk holding at ${point}`, output);
  desk!.child.kill("SIGKILL");
  expect((await desk!.exited).signal).toBe("SIGKILL");
}

/** The live site's files and their bytes, but for the image store: it is only added to (content-addressed), and
 * a publish adds the new page's pictures before its swap; no live page links them until then. */
function liveTree(): Map<string, string> {
  const current = path.join(folders.root, "current");
  return new Map(
    treeFiles(current)
      .filter((f) => !f.startsWith("img/"))
      .map((f) => [f, fs.readFileSync(path.join(current, f)).toString("base64")]),
  );
}

/** The article files of the edition's page folders, and what is not an article or page file (leftovers). */
function pageFiles(label: string): string[] {
  return fs.readdirSync(path.join(folders.editions, date, label)).sort();
}

beforeAll(() => {
  folders = deskFolders("desk-crash");
});

afterEach(async () => {
  if (desk && desk.child.exitCode === null && desk.child.signalCode === null) desk.child.kill("SIGKILL");
  await desk?.exited;
});

describe("npm run desk killed and started again", () => {
  it("finishes an import killed half-way once, without importing the page twice", async () => {
    drop(
      folders,
      "rmrb2024060101.pdf",
      twoArticlePage({ headline: "春风化雨", seed: "春风化雨润物" }, { headline: "秋收冬藏", seed: "秋收冬藏夏长" }),
    );
    drop(
      folders,
      "rmrb2024060102.pdf",
      twoArticlePage({ headline: "夏日炎炎", seed: "夏日炎炎蝉鸣" }, { headline: "冬雪皑皑", seed: "冬雪皑皑梅开" }),
    );
    desk = startDesk(folders, ["--pages", "2", "--section", "要闻"], "desk:apply");
    await killAt("desk:apply");
    const journal = readJournal(folders);
    expect(journal.intent).toBeDefined();
    // Killed between the first file copied into the page folder and the rest: page 01 is half there.
    expect(Object.values(journal.pages).every((p) => p.imports === 0)).toBe(true);
    expect(pageFiles("01").filter((n) => n.endsWith(".md"))).toHaveLength(1);
    expect(pageFiles("01")).not.toContain("page.pdf");

    desk = startDesk(folders, ["--pages", "2", "--section", "要闻"], "build");
    await killAt("build");
    expect(fs.existsSync(path.join(folders.root, "current"))).toBe(false);
    // The lock names the killed process, which no longer runs: it holds nothing.
    const record = JSON.parse(fs.readFileSync(lockFile(), "utf8")) as LockRecord;
    expect(record.pid).toBe(desk.child.pid);
    expect(holderRuns(record)).toBe(false);

    desk = startDesk(folders, ["--pages", "2", "--section", "要闻"]);
    await until(() => readJournal(folders).published[date] !== undefined, "the edition published", output);
    const after = readJournal(folders);
    expect(Object.fromEntries(Object.values(after.pages).map((p) => [p.label, p.imports]))).toEqual({
      "01": 1,
      "02": 1,
    });
    expect(after.log.filter((l) => / imported rmrb/.test(l.text)).map((l) => l.text.split(":")[0])).toEqual([
      `${date} page 01`,
      `${date} page 02`,
    ]);
    for (const label of ["01", "02"])
      expect(pageFiles(label).filter((n) => !/^\d\d-[a-z-]+\.md$|^page\.(pdf|yml)$/.test(n))).toEqual([]);
    expect(pageFiles("01").filter((n) => n.endsWith(".md"))).toHaveLength(2);
    expect(pageFiles("02").filter((n) => n.endsWith(".md"))).toHaveLength(2);
    const edition = liveFile(folders, `/${date}/`) ?? "";
    for (const headline of ["春风化雨", "秋收冬藏", "夏日炎炎", "冬雪皑皑"])
      expect(edition.split(headline).length - 1, headline).toBe(1);
    expect(fs.existsSync(lockFile())).toBe(false);
    desk.child.kill("SIGTERM");
    await desk.exited;
  });

  it("leaves the live site as it was when killed during a late page's publish, and publishes it after the restart", async () => {
    desk = startDesk(folders, ["--pages", "2", "--section", "要闻"], "swap");
    const live = liveTree();
    drop(
      folders,
      "rmrb2024060102_v2.pdf",
      twoArticlePage({ headline: "夏日炎炎", seed: "夏日炎炎蝉鸣" }, { headline: "星光灿烂", seed: "星光灿烂月明" }),
    );
    await killAt("swap");
    expect(liveTree()).toEqual(live);

    desk = startDesk(folders, ["--pages", "2", "--section", "要闻"]);
    await until(
      () => {
        const journal = readJournal(folders);
        return (
          journal.published[date]?.pages["02"] === journal.pages[`${date}/02`].imported?.hash &&
          journal.published[date].kind === "late"
        );
      },
      "page 02 live again",
      output,
    );
    const page = liveFile(folders, `/${date}/02/`) ?? "";
    expect(page).toContain("星光灿烂");
    expect(page).not.toContain("冬雪皑皑");
    expect(readJournal(folders).pages[`${date}/02`].imports).toBe(2);
    desk.child.kill("SIGTERM");
    expect((await desk.exited).code).toBe(0);
  });
});
