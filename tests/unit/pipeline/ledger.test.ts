// The URL ledger: which renames become redirects, how they chain, and the _redirects lines.
import { describe, expect, it } from "vitest";
import { findRenames, mergeRedirectIndex, redirectsFileLines, type LedgerArticle } from "../../../src/pipeline/ledger.ts";

const a = (url: string, page: string, order: number, headline: string): LedgerArticle => ({ url, page, order, headline, images: [] });

describe("findRenames", () => {
  const before = [a("/d/02/chenzhou/", "02", 1, "陈州街道"), a("/d/02/kaixue/", "02", 2, "开学第一课"), a("/d/03/tiyu/", "03", 1, "体育")];

  it("matches a gone address to the new one on its page with the same headline", () => {
    const now = [a("/d/02/kaixue/", "02", 1, "开学第一课"), a("/d/02/chenzhou-jiedao/", "02", 2, "陈州街道"), a("/d/03/tiyu/", "03", 1, "体育")];
    expect(findRenames(before, now, new Set())).toEqual([{ from: "/d/02/chenzhou/", to: "/d/02/chenzhou-jiedao/" }]);
  });

  it("matches by reading position when the headline changed too, never across pages", () => {
    const now = [a("/d/02/chenzhou-xin/", "02", 1, "陈州街道办事处"), a("/d/02/kaixue/", "02", 2, "开学第一课"), a("/d/04/tiyu-xin/", "04", 1, "体育")];
    expect(findRenames(before, now, new Set())).toEqual([{ from: "/d/02/chenzhou/", to: "/d/02/chenzhou-xin/" }]);
  });

  it("leaves a gone address unmatched when two new ones could be it, and never redirects a withdrawn one", () => {
    const now = [a("/d/02/x/", "02", 1, "甲"), a("/d/02/y/", "02", 1, "乙"), a("/d/02/kaixue/", "02", 2, "开学第一课"), a("/d/03/tiyu-2/", "03", 1, "体育")];
    expect(findRenames(before, now, new Set(["/d/03/tiyu/"]))).toEqual([]);
  });
});

describe("the redirects file", () => {
  it("lists renames as 301 and withdrawals as 410 with their page, under the path prefix, for existing editions only", () => {
    const index = mergeRedirectIndex(
      { version: 1, editions: { "2024-01-01": { redirects: [{ from: "/2024-01-01/01/a/", to: "/2024-01-01/01/b/" }], withdrawn: [] }, "2023-12-31": { redirects: [{ from: "/x/", to: "/y/" }], withdrawn: [] } } },
      [{ version: 1, date: "2024-01-02", articles: [], redirects: [], withdrawn: ["/2024-01-02/02/c/"] }],
      new Set(["2024-01-01", "2024-01-02"]),
    );
    expect(redirectsFileLines(index, "/epaper/")).toEqual([
      "/epaper/2024-01-01/01/a/ /epaper/2024-01-01/01/b/ 301",
      "/epaper/2024-01-02/02/c/ /epaper/2024-01-02/02/c/index.html 410!",
    ]);
  });
});
