// What the importer reads from dumps written for these tests, one newsroom convention at a time.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importDump, takeLabel, type ImportedArticle } from "../../../../src/desk/import/import-page.ts";
import { ImportError } from "../../../../src/desk/import/problems.ts";

function fixture(name: string) {
  // These cases are about reading the dump; its ASCII punctuation is kept so they can quote it as it is.
  return importDump(readFileSync(new URL(`../../../fixtures/dumps/${name}`, import.meta.url), "utf8"), {
    source: name,
    keepPunctuation: true,
  });
}

function only(dump: string) {
  const page = importDump(dump, { source: "test.md", keepPunctuation: true });
  expect(page.articles).toHaveLength(1);
  return { ...page.articles[0], warnings: page.warnings.map((w) => w.message) };
}

function paragraphs(article: ImportedArticle): string[] {
  return article.body.split("\n\n");
}

describe("news-page.md", () => {
  const page = fixture("news-page.md");
  const [harvest, garden, projects, photoNews] = page.articles;

  it("finds four articles, in print order", () => {
    expect(page.articles.map((a) => a.fields.headline)).toEqual([
      "秋粮颗粒归仓 农机服务到田",
      "村里建起“共享菜园”",
      "我市重点项目建设跑出“加速度”",
      "金秋时节晒秋忙",
    ]);
    expect(page.articles.map((a) => a.name)).toEqual([
      "01-qiuliang-keli",
      "02-cunli-jianqi",
      "03-woshi-zhongdian",
      "04-jinqiu-shijie",
    ]);
  });

  it("gives the banner to the articles under it up to the first without a kicker", () => {
    expect(page.articles.map((a) => [a.fields.column, a.fields.kicker])).toEqual([
      ["聚焦秋粮收获", "夏邑县"],
      ["聚焦秋粮收获", "城关镇"],
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });

  it("reads a —— subtitle", () => {
    expect(harvest.fields.subtitle).toBe("——全县秋收进度过半");
  });

  it("reads a dateline without bold or brackets, its byline and where the text starts", () => {
    expect(harvest.fields).toMatchObject({ dateline: "本报讯", byline: "记者 李晓 通讯员 赵磊" });
    expect(harvest.body.startsWith("9月5日上午,在夏邑县车站镇")).toBe(true);
  });

  it("reads a dateline with full-width brackets and 文/图, and the caption where the photo sits", () => {
    expect(garden.fields).toMatchObject({ dateline: "本报讯", byline: "记者 张明 文/图" });
    expect(garden.fields.figures).toEqual([
      { file: "photos/02-cunli-jianqi-1.jpg", caption: "村民在共享菜园里采摘蔬菜" },
    ]);
    expect(garden.body.startsWith("走进城关镇刘庄村")).toBe(true);
  });

  it("reads a dateline with a space and ASCII brackets", () => {
    expect(projects.fields).toMatchObject({ dateline: "本报讯", byline: "记者 王磊" });
    expect(projects.body.startsWith("今年以来,我市坚持")).toBe(true);
  });

  it("turns bold lines with a hard break into a subhead and its own paragraph", () => {
    expect(paragraphs(garden).slice(1, 3)).toEqual([
      "### 闲置地变成“聚宝盆”",
      "“以前这里是一片荒地,堆满了垃圾。”村党支部书记刘建国说,村里把闲置土地整理出来,划成200块小菜园,分给有意愿的村民认领耕种。",
    ]);
    expect(paragraphs(garden)[3]).toBe("### 邻里关系更融洽");
    expect(paragraphs(projects)[1]).toBe("### 项目审批再提速");
  });

  it("takes editor's marks out of the text, also in mid-text, and keeps the last", () => {
    expect(page.articles.map((a) => a.fields.mark)).toEqual(["④12", "③15", "①20", "⑤3"]);
    for (const article of page.articles) expect(article.body).not.toMatch(/[①-⑳]\d/u);
    expect(paragraphs(garden)[0]).toBe(
      "走进城关镇刘庄村,一片片整齐的菜畦映入眼帘,辣椒、茄子、豆角长势喜人。这是村里今年新建的“共享菜园”。",
    );
  });

  it("re-joins paragraphs cut by a column break and keeps real paragraph breaks", () => {
    expect(paragraphs(harvest)).toEqual([
      "9月5日上午,在夏邑县车站镇的玉米地里,几台大型收获机来回穿梭,摘穗、剥皮、秸秆粉碎一气呵成。",
      "“今年玉米长势好,亩产能有1200斤!”种粮大户王德福站在地头,脸上笑开了花。",
      "据了解,今年全县秋粮种植面积达120万亩,县农业农村局组织农机合作社提前检修机具,调配收获机械3000余台,确保应收尽收、颗粒归仓。截至目前,全县秋收进度已过半。",
    ]);
    expect(harvest.paragraphs).toBe(3);
    expect(paragraphs(projects).at(-1)).toBe("下一步,我市将继续强化要素保障,全力以赴抓好项目建设。");
  });

  it("reads (下转第三版) as continued on page 03 and keys the story by the file's slug", () => {
    expect(projects.fields).toMatchObject({ continued_on: "03", story: "woshi-zhongdian" });
    expect(projects.fields.continued_from).toBeUndefined();
    expect(projects.body).not.toContain("下转");
    expect(page.warnings.map((w) => w.message)).toContain(
      "03-woshi-zhongdian is continued (page 03): give its other part the same story: woshi-zhongdian",
    );
  });

  it("reads photo news: the caption paragraph is the figure, the credit its credit, no text", () => {
    expect(photoNews.fields.figures).toEqual([
      {
        file: "photos/04-jinqiu-shijie-1.jpg",
        caption: "9月4日,淮阳区王店乡的农户在晾晒玉米。金黄的玉米铺满院落,映衬着农民的丰收笑脸。",
        credit: "通讯员 孙伟 摄",
      },
    ]);
    expect(photoNews.body).toBe("");
    expect(photoNews.paragraphs).toBe(0);
  });

  it("warns about nothing but the continuation and the placeholder photos", () => {
    expect(page.warnings).toHaveLength(2);
  });
});

describe("opinion-page.md", () => {
  const [article] = fixture("opinion-page.md").articles;

  it("takes 【时评】 out of the headline as the column", () => {
    expect(article.fields).toMatchObject({ column: "时评", headline: "让“15分钟便民生活圈”真正便民" });
  });

  it("reads the bare name under the commentary as its byline, after the subtitle", () => {
    expect(article.fields).toMatchObject({
      subtitle: "——写在我市便民生活圈建设推进之际",
      byline: "王建华",
      mark: "③8",
    });
    expect(article.body.startsWith("近日,")).toBe(true);
  });

  it("joins the cut paragraph but not a list introduced by a colon", () => {
    expect(paragraphs(article)).toEqual([
      "近日,我市公布了首批15分钟便民生活圈建设名单,居民步行一刻钟就能买菜、看病、办事。这是一件实事,也是一道考题。",
      "便民生活圈建得好不好,不能只看新建了多少网点,更要看群众是否真正感到方便。有的社区超市开在了背街深处,有的服务站白天大门紧锁,群众找不到、用不上,再多的网点也只是摆设。",
      "让便民生活圈真正便民,需要在三个方面下功夫:",
      "一是规划之初多问一问居民需要什么;",
      "二是建设之中多算一算群众的时间账;",
      "三是建成之后多听一听群众怎么评价。",
      "好事办实、实事办好,群众自会用脚投票。",
    ]);
  });
});

describe("smaller conventions", () => {
  it("reads (下转A3版) and (上接A1版) as section page labels", () => {
    const article = only(
      "## 全市经济运行稳中向好\n\n（上接A1版）1至8月,全市规模以上工业增加值同比增长6.2%,增速高于全省1.8个百分点,\n\n（下转A3版）\n",
    );
    expect(article.fields).toMatchObject({ continued_from: "A01", continued_on: "A03", story: "quanshi-jingji" });
    expect(article.body).toBe("1至8月,全市规模以上工业增加值同比增长6.2%,增速高于全省1.8个百分点,");
    expect(article.warnings.join("\n")).not.toMatch(/mid-sentence/);
  });

  it("reads (上接第十二版) with a Chinese numeral", () => {
    expect(only("## 标题\n\n(上接第十二版)正文。\n").fields.continued_from).toBe("12");
  });

  it("reads a dateline and byline both inside the bold", () => {
    const article = only("## 标题\n\n**本报郑州9月5日讯(记者 陈静 通讯员 周宇)**全省秋粮收获进度过半。\n");
    expect(article.fields).toMatchObject({ dateline: "本报郑州9月5日讯", byline: "记者 陈静 通讯员 周宇" });
    expect(article.body).toBe("全省秋粮收获进度过半。");
  });

  it("does not take 本报记者…通讯管理局 for a dateline", () => {
    const article = only("## 标题\n\n本报记者从市通讯管理局获悉,全市5G基站已达3000个。\n");
    expect(article.fields.dateline).toBeUndefined();
    expect(article.body).toBe("本报记者从市通讯管理局获悉,全市5G基站已达3000个。");
  });

  it("joins byline lines under the headline and strips their decoration", () => {
    const article = only("## 标题\n\n□ 本报记者 张三\n通讯员 李四\n\n正文第一段。\n");
    expect(article.fields.byline).toBe("本报记者 张三 通讯员 李四");
    expect(article.body).toBe("正文第一段。");
  });

  it("reads a 【评论】 kicker as the column and a headline printed on two lines as one", () => {
    const article = only("【评论】\n\n## 城市治理\n## 要下“绣花功夫”\n\n李明\n\n正文。\n");
    expect(article.fields).toMatchObject({ column: "评论", headline: "城市治理 要下“绣花功夫”", byline: "李明" });
    expect(article.fields.kicker).toBeUndefined();
  });

  it("reads a bold line right under the headline as a subhead, not a subtitle", () => {
    const article = only("## 标题\n\n**——记优秀教师王芳**\n\n**扎根乡村二十年**  \n她的课堂总是坐满了学生。\n");
    expect(article.fields.subtitle).toBe("——记优秀教师王芳");
    expect(article.body).toBe("### 扎根乡村二十年\n\n她的课堂总是坐满了学生。");
  });

  it("warns about text before the first headline instead of dropping it silently", () => {
    const article = only("本版稿件由县融媒体中心提供。\n\n## 标题\n\n正文。\n");
    expect(article.warnings).toEqual([
      "text before the first headline belongs to no article and was left out: «本版稿件由县融媒体中心提供。»",
    ]);
    expect(article.fields.kicker).toBeUndefined();
  });

  it("warns when an article ends mid-sentence and is not continued", () => {
    expect(only("## 标题\n\n正文写到一半,\n").warnings.join("\n")).toMatch(/ends mid-sentence/);
  });

  it("reads a caption with its credit where the photo sits", () => {
    const article = only("## 标题\n\n\n\n路面整修 记者 韩志刚 摄\n\n正文。\n");
    expect(article.fields.figures).toEqual([
      { file: "photos/01-biaoti-1.jpg", caption: "路面整修", credit: "记者 韩志刚 摄" },
    ]);
  });

  it("reads two photos where they sit above one article", () => {
    const article = only(
      "## 标题\n\n\n\n图为新建的教学楼\n\n\n\n学生在新操场上体育课 记者 梁照曾 摄\n\n本报讯 开学了。\n",
    );
    expect(article.fields.figures).toEqual([
      { file: "photos/01-biaoti-1.jpg", caption: "图为新建的教学楼" },
      { file: "photos/01-biaoti-2.jpg", caption: "学生在新操场上体育课", credit: "记者 梁照曾 摄" },
    ]);
    expect(article.body).toBe("开学了。");
  });

  it("assigns --photos in order of appearance and refuses a list of the wrong length", () => {
    const dump = "## 甲\n\n\n\n图一\n\n正文。\n\n## 乙\n\n\n\n图二\n\n正文。\n";
    const page = importDump(dump, { source: "test.md", photos: ["a.png", "b.jpg"] });
    expect(page.articles.map((a) => a.fields.figures?.[0].file)).toEqual(["photos/a.png", "photos/b.jpg"]);
    expect(() => importDump(dump, { source: "test.md", photos: ["a.png"] })).toThrow(
      /--photos names 1 file\(s\) but the dump has 2/,
    );
  });

  it("refuses a dump without a headline, naming the file", () => {
    expect(() => importDump("只有正文。\n", { source: "empty.md" })).toThrow(ImportError);
    expect(() => importDump("只有正文。\n", { source: "empty.md" })).toThrow(/^empty\.md: no headline found/);
  });
});

describe("a genre label printed before a headline", () => {
  it("is the kicker, not part of the headline", () => {
    const fields = { headline: "记者手记：雨夜里的守护" };
    takeLabel(fields);
    expect(fields).toEqual({ headline: "雨夜里的守护", kicker: "记者手记" });
    const kept = { headline: "短评 让数据多跑路", kicker: "新论" };
    takeLabel(kept);
    expect(kept.headline).toBe("短评 让数据多跑路");
  });
});
