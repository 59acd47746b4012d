// The URL ledger: which renames become redirects, how they chain, and the _redirects lines.
import { describe, expect, it } from "vitest";
import type { Article, Edition } from "../../../src/model/types.ts";
import {
  buildLedger,
  findRenames,
  mergeRedirectIndex,
  redirectsFileLines,
  type LedgerArticle,
  type UrlLedger,
} from "../../../src/model/ledger.ts";

const a = (url: string, page: string, order: number, headline: string): LedgerArticle => ({
  url,
  page,
  order,
  headline,
  images: [],
});

describe("findRenames", () => {
  const before = [
    a("/d/02/chenzhou/", "02", 1, "陈州街道"),
    a("/d/02/kaixue/", "02", 2, "开学第一课"),
    a("/d/03/tiyu/", "03", 1, "体育"),
  ];

  it("matches a gone address to the new one on its page with the same headline", () => {
    const now = [
      a("/d/02/kaixue/", "02", 1, "开学第一课"),
      a("/d/02/chenzhou-jiedao/", "02", 2, "陈州街道"),
      a("/d/03/tiyu/", "03", 1, "体育"),
    ];
    expect(findRenames(before, now, new Set())).toEqual([{ from: "/d/02/chenzhou/", to: "/d/02/chenzhou-jiedao/" }]);
  });

  it("matches by reading position when the headline changed too, never across pages", () => {
    const now = [
      a("/d/02/chenzhou-xin/", "02", 1, "陈州街道办事处"),
      a("/d/02/kaixue/", "02", 2, "开学第一课"),
      a("/d/04/tiyu-xin/", "04", 1, "体育"),
    ];
    expect(findRenames(before, now, new Set())).toEqual([{ from: "/d/02/chenzhou/", to: "/d/02/chenzhou-xin/" }]);
  });

  it("leaves a gone address unmatched when two new ones could be it, and never redirects a withdrawn one", () => {
    const now = [
      a("/d/02/x/", "02", 1, "甲"),
      a("/d/02/y/", "02", 1, "乙"),
      a("/d/02/kaixue/", "02", 2, "开学第一课"),
      a("/d/03/tiyu-2/", "03", 1, "体育"),
    ];
    expect(findRenames(before, now, new Set(["/d/03/tiyu/"]))).toEqual([]);
  });
});

describe("the redirects file", () => {
  it("lists renames as 301 and withdrawals as 410 with their page, under the path prefix, for existing editions only", () => {
    const index = mergeRedirectIndex(
      {
        version: 1,
        editions: {
          "2024-01-01": { redirects: [{ from: "/2024-01-01/01/a/", to: "/2024-01-01/01/b/" }], withdrawn: [] },
          "2023-12-31": { redirects: [{ from: "/x/", to: "/y/" }], withdrawn: [] },
        },
      },
      [{ version: 1, date: "2024-01-02", articles: [], redirects: [], withdrawn: ["/2024-01-02/02/c/"] }],
      new Set(["2024-01-01", "2024-01-02"]),
    );
    expect(redirectsFileLines(index, "/epaper/")).toEqual([
      "/epaper/2024-01-01/01/a/ /epaper/2024-01-01/01/b/ 301",
      "/epaper/2024-01-02/02/c/ /epaper/2024-01-02/02/c/index.html 410!",
    ]);
  });
});

describe("buildLedger", () => {
  // Just what the ledger reads of the model.
  const article = (slug: string, headline: string, order: number, image: string | null) =>
    ({
      url: `/d/02/${slug}/`,
      order,
      headline,
      page: { label: "02" },
      figures: [],
      clipping: image ? { url: `/img/${image}/800.jpg` } : null,
      shareImage: image ? { url: `/img/${image}/share.jpg` } : null,
    }) as unknown as Article;
  const edition = (articles: Article[], withdrawn: string[] = []) =>
    ({ date: "d", articles, withdrawn: withdrawn.map((url) => ({ url, time: "t" })) }) as unknown as Edition;

  it("chains a second rename onto the first and drops a redirect whose old address is an article again", () => {
    const first = buildLedger(edition([article("b", "甲", 1, null)]), {
      version: 1,
      date: "d",
      articles: [{ url: "/d/02/a/", page: "02", order: 1, headline: "甲", images: [] }],
      redirects: [],
      withdrawn: [],
    });
    expect(first.redirects).toEqual([{ from: "/d/02/a/", to: "/d/02/b/" }]);
    const second = buildLedger(edition([article("c", "甲", 1, null)]), first);
    expect(second.redirects).toEqual([
      { from: "/d/02/a/", to: "/d/02/c/" },
      { from: "/d/02/b/", to: "/d/02/c/" },
    ]);
    const back = buildLedger(edition([article("a", "甲", 1, null)]), second);
    expect(back.redirects).toEqual([
      { from: "/d/02/b/", to: "/d/02/a/" },
      { from: "/d/02/c/", to: "/d/02/a/" },
    ]);
  });

  it("remembers a withdrawn article's pictures until it is brought back", () => {
    const live = buildLedger(edition([article("a", "甲", 1, "k1"), article("b", "乙", 2, "k2")]), null);
    expect(live.articles.map((a) => a.images)).toEqual([["k1"], ["k2"]]);
    const gone: UrlLedger = buildLedger(edition([article("b", "乙", 2, "k2")], ["/d/02/a/"]), live);
    expect(gone).toMatchObject({ withdrawn: ["/d/02/a/"], withdrawnImages: ["k1"], redirects: [] });
    expect(buildLedger(edition([article("b", "乙", 2, "k2")], ["/d/02/a/"]), gone).withdrawnImages).toEqual(["k1"]);
    expect(
      buildLedger(edition([article("a", "甲", 1, "k1"), article("b", "乙", 2, "k2")]), gone).withdrawnImages,
    ).toBeUndefined();
  });
});
