// The site data stage (src/pipeline/site-data.ts): the archive-wide lists a build's site has or leaves out, and the
// site the pages stage renders, assembled from the site data.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/content/diagnostics.ts";
import { buildModel, readContent } from "../../../src/pipeline/prepare.ts";
import { assembleSite, renderedSite } from "../../../src/pipeline/site-data.ts";
import { threeEditions } from "../../helpers/editions.ts";

describe("assembleSite and renderedSite", () => {
  const { options } = threeEditions();

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
