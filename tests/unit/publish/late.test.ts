// Late pages and withdrawals: which article a --withdraw names, and what it writes into edition.yml.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLatePage, findWithdrawnArticle, recordWithdrawal } from "../../../src/publish/late.ts";
import { repo } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

const site = path.join(repo, "_data/site.json");

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
    expect(() => findWithdrawnArticle(dir, "kaixue")).toThrow("--withdraw kaixue: the slug is on pages 01 and 02: give the page too, e.g. --withdraw 01/kaixue");
    expect(findWithdrawnArticle(dir, "02/kaixue")).toBe("02/kaixue");
    expect(() => findWithdrawnArticle(dir, "nope")).toThrow("--withdraw nope: no article file with that slug (NN-nope.md) in the edition");
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
    const restore = recordWithdrawal(dir, "02/tiyu", site);
    const text = fs.readFileSync(file, "utf8");
    expect(text).toMatch(/^issue: 12866\n# .*\nwithdrawn:\n {2}- \{ article: 02\/tiyu, time: "\d{4}-\d{2}-\d{2} \d{2}:\d{2}" \}\n$/);
    recordWithdrawal(dir, "02/tiyu", site);
    expect(fs.readFileSync(file, "utf8")).toBe(text);
    recordWithdrawal(dir, "01/kaixue", site);
    expect(fs.readFileSync(file, "utf8").match(/- \{ article: /g)).toHaveLength(2);
    restore();
    expect(fs.readFileSync(file, "utf8")).toBe("issue: 12866\n");
  });

  it("writes edition.yml when there is none, and removes it again on restore", () => {
    const dir = edition();
    const restore = recordWithdrawal(dir, "01/kaixue", site);
    expect(fs.readFileSync(path.join(dir, "edition.yml"), "utf8")).toContain("- { article: 01/kaixue, time: ");
    restore();
    expect(fs.existsSync(path.join(dir, "edition.yml"))).toBe(false);
  });
});
