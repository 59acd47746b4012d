// Article slugs made from a headline: the first words' pinyin, short and readable.
import { describe, expect, it } from "vitest";
import { headlineSlug } from "../../../../src/desk/import/slug.ts";

describe("slugs", () => {
  it.each([
    ["开学第一天 我市新建改扩建学校迎新生", "kaixue-diyi"],
    ["郸城县：政务服务“快”人一步", "dancheng-xian"],
    ["“创文”工作持续发力", "chuangwen-gongzuo"],
    ["绿色出行 从我做起", "lvse-chuxing"],
    ["银行网点延时服务", "yinhang-wangdian"],
    ["G20峰会开幕", "g20-fenghui"],
    ["！？", "article"],
  ])("%s → %s", (headline, slug) => {
    expect(headlineSlug(headline)).toBe(slug);
  });
});
