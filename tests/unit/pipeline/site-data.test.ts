// The site data stage (src/pipeline/site-data.ts): the archive-wide lists a build's site has or leaves out, and the
// site the pages stage renders, assembled from the site data and the search stage's result.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { assembleSite, renderedSite } from "../../../src/pipeline/site-data.ts";
import { repo } from "../../helpers/build.ts";
import { article, writeTree } from "../../helpers/editions.ts";

describe("assembleSite and renderedSite", () => {
  const root = writeTree({
    "2024-01-01/01/page.yml": "section: 要闻\n",
    "2024-01-01/01/01-a.md": article("headline: 甲"),
    "2024-01-02/01/page.yml": "section: 要闻\n",
    "2024-01-02/01/01-b.md": article("headline: 乙"),
    "2024-01-03/01/page.yml": "section: 要闻\n",
    "2024-01-03/01/01-c.md": article("headline: 丙"),
  });
  const options = {
    editionsDir: root,
    siteFile: path.join(repo, "_data/site.json"),
    outDir: path.join(root, "..", "out"),
    cacheDir: "",
  };

  it("a shard's site data has no archive-wide lists and reads nothing of a published site", async () => {
    const d = new Diagnostics();
    const content = await readContent({ ...options, dates: ["2024-01-02"] }, d);
    const editions = buildModel(content, d);
    fs.rmSync(options.outDir, { recursive: true, force: true });
    const shard = assembleSite(content, editions, { ...options, dates: ["2024-01-02"], crossEdition: false });
    expect(shard.crossEdition).toBe(false);
    expect([shard.calendar, shard.feed]).toEqual([[], []]);
    expect(shard.sitemapMonths.map((m) => m.month)).toEqual(["2024-01"]);
    const whole = assembleSite(content, editions, options);
    expect(whole.calendar[0].count).toBe(1);
    expect(whole.editions[0].previous?.url).toBe("/2024-01-01/");
  });

  it("the rendered site is the site data; a neighbour rebuilt for its links has no article or story views", async () => {
    const d = new Diagnostics();
    const content = await readContent(options, d);
    const data = assembleSite(content, buildModel(content, d), options);
    const whole = renderedSite(data, new Set());
    expect(whole).toMatchObject({ articles: data.articles, editions: data.editions });
    const site = renderedSite(data, new Set(["2024-01-02"]));
    expect(site.articles.map((a) => a.edition.date)).toEqual(["2024-01-01", "2024-01-03"]);
    expect(site.editions.map((e) => e.date)).toEqual(["2024-01-01", "2024-01-02", "2024-01-03"]);
    // Assembled anew, never by changing the site data.
    expect(data.articles).toHaveLength(3);
  });
});
