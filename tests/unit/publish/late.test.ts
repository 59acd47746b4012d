// Late pages and withdrawals: which article a --withdraw names, and what it writes into edition.yml.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import type { UrlLedger } from "../../../src/model/ledger.ts";
import {
  checkLatePage,
  deleteWithdrawnImages,
  findWithdrawnArticle,
  recordWithdrawal,
} from "../../../src/publish/late.ts";
import { tempDir } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

// The sample site's time zone (_data/site.json): withdrawal times are written in it.
const timeZone = "Asia/Shanghai";

function edition(extra: Record<string, string> = {}): string {
  const root = writeTree({
    "2024-01-02/01/page.yml": "section: 要闻\n",
    "2024-01-02/02-zonghe/page.yml": "section: 综合\n",
    "2024-01-02/01/01-kaixue.md": article("headline: 甲"),
    "2024-01-02/02-zonghe/03-tiyu.md": article("headline: 乙"),
    ...extra,
  });
  return path.join(root, "2024-01-02");
}

describe("findWithdrawnArticle", () => {
  it("finds a slug on its page, and says which pages when the slug is on two", () => {
    const dir = edition({ "2024-01-02/02-zonghe/04-kaixue.md": article("headline: 丙") });
    expect(findWithdrawnArticle(dir, "tiyu")).toBe("02/tiyu");
    expect(() => findWithdrawnArticle(dir, "kaixue")).toThrow(
      "--withdraw kaixue: the slug is on pages 01 and 02: give the page too, e.g. --withdraw 01/kaixue",
    );
    expect(findWithdrawnArticle(dir, "02/kaixue")).toBe("02/kaixue");
    expect(() => findWithdrawnArticle(dir, "nope")).toThrow(
      "--withdraw nope: no article file with that slug (NN-nope.md) in the edition",
    );
  });

  it("knows a late page by its label, the folder's name suffix aside", () => {
    const dir = edition();
    expect(() => checkLatePage(dir, "02")).not.toThrow();
    expect(() => checkLatePage(dir, "03")).toThrow("--page 03: no such page folder; the pages are 01, 02");
  });
});

describe("recordWithdrawal", () => {
  it("adds the article to edition.yml's list (once), keeps the rest of the file, and can put it back", () => {
    const dir = edition({ "2024-01-02/edition.yml": "issue: 12866\n" });
    const file = path.join(dir, "edition.yml");
    const restore = recordWithdrawal(dir, "02/tiyu", timeZone);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(
      /^issue: 12866\n# .*\nwithdrawn:\n {2}- \{ article: 02\/tiyu, time: "\d{4}-\d{2}-\d{2} \d{2}:\d{2}" \}\n$/,
    );
    recordWithdrawal(dir, "02/tiyu", timeZone);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
    recordWithdrawal(dir, "01/kaixue", timeZone);
    expect(fs.readFileSync(file, "utf8").match(/- \{ article: /g)).toHaveLength(2);
    restore();
    expect(fs.readFileSync(file, "utf8")).toBe("issue: 12866\n");
  });

  it("knows a quoted article is withdrawn already, and adds nothing", () => {
    const yml = 'issue: 12866\nwithdrawn:\n  - { article: "02/tiyu", time: "2024-01-02 23:00" }\n';
    const dir = edition({ "2024-01-02/edition.yml": yml });
    recordWithdrawal(dir, "02/tiyu", timeZone);
    expect(fs.readFileSync(path.join(dir, "edition.yml"), "utf8")).toBe(yml);
    // Written as a block mapping: the same.
    const block = "withdrawn:\n  - article: '02/tiyu'\n    time: \"2024-01-02 23:00\"\n";
    fs.writeFileSync(path.join(dir, "edition.yml"), block);
    recordWithdrawal(dir, "02/tiyu", timeZone);
    expect(fs.readFileSync(path.join(dir, "edition.yml"), "utf8")).toBe(block);
  });

  it("adds to a list written at column 0 at that indent, keeping every other line and comment", () => {
    const yml =
      '# 本期\nissue: 12866  # 期号\nwithdrawn:  # 撤稿\n- { article: 02/tiyu, time: "2024-01-02 23:00" }\n# 末尾\nnote: x\n';
    const dir = edition({ "2024-01-02/edition.yml": yml });
    const file = path.join(dir, "edition.yml");
    const restore = recordWithdrawal(dir, "01/kaixue", timeZone);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(
      /^# 本期\nissue: 12866 {2}# 期号\nwithdrawn: {2}# 撤稿\n- \{ article: 01\/kaixue, time: "[\d: -]+" \}\n- \{ article: 02\/tiyu, time: "2024-01-02 23:00" \}\n# 末尾\nnote: x\n$/,
    );
    const data = yaml.load(text) as { withdrawn: { article: string }[]; note: string };
    expect(data.withdrawn.map((w) => w.article)).toEqual(["01/kaixue", "02/tiyu"]);
    expect(data.note).toBe("x");
    restore();
    expect(fs.readFileSync(file, "utf8")).toBe(yml);
  });

  it("refuses, leaving the file alone, a withdrawn that is not a block list or a file that is not YAML", () => {
    const flow = 'withdrawn: [{ article: 02/tiyu, time: "2024-01-02 23:00" }]\n';
    const dir = edition({ "2024-01-02/edition.yml": flow });
    const file = path.join(dir, "edition.yml");
    expect(() => recordWithdrawal(dir, "01/kaixue", timeZone)).toThrow(
      `${file}: "withdrawn" is not a list of "- { article: …, time: … }" lines`,
    );
    expect(fs.readFileSync(file, "utf8")).toBe(flow);
    fs.writeFileSync(file, "issue: [12866\n");
    expect(() => recordWithdrawal(dir, "01/kaixue", timeZone)).toThrow(`${file}: not valid YAML`);
    fs.writeFileSync(file, "withdrawn: 02/tiyu\n");
    expect(() => recordWithdrawal(dir, "01/kaixue", timeZone)).toThrow(`${file}: "withdrawn" is not a list`);
  });

  it("writes edition.yml when there is none, and removes it again on restore", () => {
    const dir = edition();
    const restore = recordWithdrawal(dir, "01/kaixue", timeZone);
    expect(fs.readFileSync(path.join(dir, "edition.yml"), "utf8")).toContain("- { article: 01/kaixue, time: ");
    restore();
    expect(fs.existsSync(path.join(dir, "edition.yml"))).toBe(false);
  });
});

describe("deleteWithdrawnImages", () => {
  const ledger = (date: string, images: string[][], withdrawnImages: string[] = []): UrlLedger => ({
    version: 1,
    date,
    redirects: [],
    withdrawn: [],
    withdrawnImages,
    articles: images.map((keys, i) => ({
      url: `/${date}/01/a${i}/`,
      page: "01",
      order: i + 1,
      headline: "甲",
      images: keys,
    })),
  });
  const store = (keys: string[]) => {
    const dir = tempDir("img-store");
    for (const key of keys) fs.mkdirSync(path.join(dir, key, "x"), { recursive: true });
    return dir;
  };

  it("keeps a withdrawn picture any article of any live edition still shows (the store is shared)", () => {
    const dir = store(["clip", "photo", "card"]);
    const withdrawnIn = ledger("2024-01-02", [["other"]], ["clip", "photo", "card"]);
    const elsewhere = ledger("2024-01-03", [["photo"]]);
    expect(deleteWithdrawnImages(dir, withdrawnIn, [withdrawnIn, elsewhere]).sort()).toEqual(["card", "clip"]);
    expect(fs.readdirSync(dir)).toEqual(["photo"]);
  });

  it("deletes nothing while a live edition has no ledger to say what it shows", () => {
    const dir = store(["clip"]);
    const withdrawnIn = ledger("2024-01-02", [], ["clip"]);
    expect(deleteWithdrawnImages(dir, withdrawnIn, [withdrawnIn, null])).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(["clip"]);
  });
});
