// npm run search:check on the sample edition, as an engineer runs it: the query goes through the search page, every
// hit counted, and the oldest edition's hits found by its year and month.
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

  it("finds an article through the search page, counted, and among the oldest edition's hits", () => {
    const result = runScript("search-check.ts", [site.out, "郸城县"]);
    expect(result.code, result.output).toBe(0);
    expect(result.stdout).toMatch(/newest first: 找到 [1-9]\d* 篇文章 in /);
    const alone = result.stdout.split("\n").find((l) => l.startsWith("oldest edition's hits: "));
    expect(alone, result.output).toBeDefined();
    expect(JSON.parse(alone!.slice("oldest edition's hits: ".length))).toContain("/2022-09-02/02/dancheng-yingshang/");
  });
});
