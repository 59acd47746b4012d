// Lighthouse (mobile) on the sample edition's page view, an article view with a photo and the search page with a
// query's results, through the same `npm run lighthouse` command an engineer runs: every category scores 95 or more.
import { beforeAll, describe, expect, it } from "vitest";
import { buildFixture, runScript, type BuiltSite } from "../helpers/build.ts";
import { requireChromium } from "../helpers/browser.ts";

const views = ["/2022-09-02/02/", "/2022-09-02/02/chenzhou-jiedao/", `/search/?q=${encodeURIComponent("开学")}`];

describe("Lighthouse", () => {
  let site: BuiltSite;
  beforeAll(() => {
    requireChromium();
    site = buildFixture("editions");
    if (site.result.code !== 0) throw new Error(site.result.output);
  });

  it("scores 95 or more in performance, accessibility, best practices and SEO", () => {
    const result = runScript("lighthouse.ts", [site.out, ...views.flatMap((v) => ["--url", v]), "--runs", "3"]);
    console.log(result.output.trim());
    for (const view of views) {
      const line = result.stdout.split("\n").find((l) => l.startsWith(`${view}  `));
      expect(line, `no scores for ${view}:\n${result.output}`).toBeDefined();
      const scores = Object.fromEntries([...line!.matchAll(/([a-z-]+) (\d+)/g)].map((m) => [m[1], Number(m[2])]));
      expect(Object.keys(scores).sort()).toEqual(["accessibility", "best-practices", "performance", "seo"]);
      for (const [category, score] of Object.entries(scores))
        expect(score, `${view} ${category}`).toBeGreaterThanOrEqual(95);
    }
    expect(result.code).toBe(0);
  }, 400_000);
});
