// npm run search:check on the sample edition, as an engineer runs it: the query goes through the search page, and
// the oldest edition's own index, searched alone inside the page, finds the article.
import { beforeAll, describe, expect, it } from "vitest";
import { runScript, type BuiltSite } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";
import { requireChromium } from "../helpers/browser.ts";

describe("npm run search:check", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    requireChromium();
    site = await sharedFixture("editions");
  });

  it("finds an article through the search page and through the edition's own index", () => {
    const result = runScript("search-check.ts", [site.out, "郸城县"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/scope recent: [1-9]\d* hits shown/);
    const alone = result.stdout.split("\n").find((l) => l.startsWith("oldest edition's index alone: "));
    expect(alone, result.output).toBeDefined();
    expect(JSON.parse(alone!.slice("oldest edition's index alone: ".length))).toContain(
      "/2022-09-02/02/dancheng-yingshang/",
    );
  });
});
