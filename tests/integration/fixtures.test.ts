// Fixture editions: continuations across pages, A/B sections, pages without a scan, an English paper on a sub-path.
import { beforeAll, describe, expect, it } from "vitest";
import type { BuiltSite } from "../helpers/build.ts";
import { sharedFixture } from "../helpers/fixture-builds.ts";

describe("Chinese fixture editions", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await sharedFixture("tests/fixtures/editions-zh");
  });

  it("links 下转第三版 and 上接第一版 in both directions", () => {
    const first = site.read("/2024-03-01/01/xinqiao/");
    expect(first).toContain(
      '<p>新桥全长一千二百米。<span class="continuation continued-on"><a href="/2024-03-01/03/xinqiao-xu/">（下转第三版）</a></span></p>',
    );
    const second = site.read("/2024-03-01/03/xinqiao-xu/");
    expect(second).toContain(
      '<p><span class="continuation continued-from"><a href="/2024-03-01/01/xinqiao/">（上接第一版）</a></span>桥面设计为双向六车道',
    );
  });

  it("merges a continued story into one view, parts in page order", () => {
    const html = site.read("/2024-03-01/story/xinqiao/");
    const first = html.indexOf("新桥全长一千二百米");
    const second = html.indexOf("桥面设计为双向六车道");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(html).toContain('<a href="/2024-03-01/03/xinqiao-xu/">03版：经济</a>');
    expect(site.read("/2024-03-01/01/xinqiao/")).toContain(
      '<a href="/2024-03-01/story/xinqiao/">阅读全文（合并各版）</a>',
    );
  });

  it("shows subtitle, figure credit and joins CJK line breaks without a space", () => {
    const html = site.read("/2024-03-01/01/xinqiao/");
    expect(html).toContain('<p class="subtitle">——两岸居民出行时间缩短一半</p>');
    expect(html).toContain('<figcaption>新桥夜景 <span class="credit">记者 张伟 摄</span></figcaption>');
    expect(html).toContain("正式通车，两岸居民");
    expect(html).toMatch(
      /<source type="image\/avif" srcset="\/img\/[0-9a-f]{20}\/400\.avif 400w, \/img\/[0-9a-f]{20}\/480\.avif 480w"/,
    );
    // The caption is the figure's text; the alt does not repeat it (screen readers would read it twice).
    expect(html).toMatch(/width="480" height="320" alt=""/);
  });

  it("a page without a scan still lists its articles", () => {
    const html = site.read("/2024-03-01/02/");
    expect(html).toContain("本版暂无版面图");
    expect(html).toContain('<a href="/2024-03-01/02/shequ/">社区食堂开张</a>');
    expect(html).not.toContain('class="replica-image"');
  });

  it("page strip, previous/next page and edition", () => {
    const html = site.read("/2024-03-01/02/");
    expect(html).toMatch(
      /<a href="\/2024-03-01\/02\/" aria-current="page"[^>]*>\s*(<span class="thumb-none"><\/span>)?<span>02版：综合<\/span>/,
    );
    expect(html).toMatch(/<a rel="prev" href="\/2024-03-01\/01\/"><span>上一版<\/span> 01版：要闻<\/a>/);
    expect(html).toMatch(/<a rel="next" href="\/2024-03-01\/03\/"><span>下一版<\/span> 03版：经济<\/a>/);
    expect(html).toMatch(/<a rel="next" href="\/2024-03-02\/"><span>下一期<\/span> 2024年3月2日 星期六<\/a>/);
  });

  it("papers printed in sections use A/B labels: A01版, 下转B1版", () => {
    const html = site.read("/2024-03-02/a01/chunjie/");
    expect(html).toContain('<a href="/2024-03-02/b01/zhaopin-xu/">（下转B1版）</a>');
    expect(site.read("/2024-03-02/b01/zhaopin-xu/")).toContain('<a href="/2024-03-02/a01/chunjie/">（上接A1版）</a>');
    expect(site.read("/2024-03-02/a01/")).toContain("<span>A01版：要闻</span>");
  });

  it("home shows the latest edition; the calendar links both days", () => {
    expect(site.read("/")).toContain("A01版：要闻");
    const year = site.read("/archive/2024/");
    expect(year).toContain('<a href="/2024-03-01/01/" aria-label="2024-03-01">1</a>');
    expect(year).toContain('<a href="/2024-03-02/a01/" aria-label="2024-03-02">2</a>');
  });

  it("feed and sitemap list the articles", () => {
    const feed = site.read("/feed.xml");
    expect(feed).toContain("<title>沙河新桥今日通车</title>");
    // Midnight in Shanghai, the day the edition came out.
    expect(feed).toContain("<updated>2024-03-01T16:00:00Z</updated>");
    expect(feed).toContain('<link href="https://epaper.example.cn/2024-03-01/01/xinqiao/"/>');
    const index = site.read("/sitemap.xml");
    expect(index).toContain("<sitemap><loc>https://epaper.example.cn/sitemaps/2024-03.xml</loc></sitemap>");
    const month = site.read("/sitemaps/2024-03.xml");
    expect(month).toContain("<loc>https://epaper.example.cn/2024-03-02/b01/zhaopin-xu/</loc>");
    expect(month).toContain("<loc>https://epaper.example.cn/2024-03-01/story/xinqiao/</loc>");
    expect(JSON.parse(site.read("/2024-03-01/edition.json")).articles).toHaveLength(4);
  });

  it("article pages carry NewsArticle JSON-LD and a share card from the clipping", () => {
    const html = site.read("/2024-03-01/01/xinqiao/");
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toMatch(
      /<meta property="og:image" content="https:\/\/epaper\.example\.cn\/img\/[0-9a-f]{20}\/share\.jpg">/,
    );
    expect(html).toContain('<meta property="og:image:width" content="1200">');
  });

  it("article and page views get their head from their view: title, description, canonical, Open Graph, JSON-LD, prefetch", () => {
    const head = (url: string) => site.read(url).split("</head>")[0];
    const article = head("/2024-03-01/01/xinqiao/");
    expect(article).toMatch(/<title>[^<]+ · 01版：要闻 · [^<]+<\/title>/);
    expect(article).toContain('<link rel="canonical" href="https://epaper.example.cn/2024-03-01/01/xinqiao/">');
    expect(article).toContain('<meta property="og:type" content="article">');
    const jsonld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(article)![1]);
    expect(jsonld).toMatchObject({
      "@type": "NewsArticle",
      printEdition: "2024-03-01",
      printPage: "01",
      inLanguage: "zh-CN",
      mainEntityOfPage: "https://epaper.example.cn/2024-03-01/01/xinqiao/",
    });
    const page = head("/2024-03-01/01/");
    expect(page).toMatch(/<title>01版：要闻 · [^<]+<\/title>/);
    expect(page).toContain('<link rel="canonical" href="https://epaper.example.cn/2024-03-01/01/">');
    expect(page).toContain('<link rel="prefetch" href="/2024-03-01/02/">');
    expect(page).not.toContain("og:type");
  });
});

describe("English paper served under /epaper/", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await sharedFixture("tests/fixtures/editions-en", { site: "tests/fixtures/site-en.json" });
  });

  it("uses English dates, labels and continuation lines", () => {
    const html = site.read("/1920-11-15/a01/treaty/");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Monday, November 15, 1920");
    expect(html).toContain('<a href="/epaper/1920-11-15/a04/treaty-cont/">(Continued on page A4)</a>');
    expect(site.read("/1920-11-15/a04/treaty-cont/")).toContain("Continued from page A1");
  });

  it("prefixes every link and asset with the sub-path", () => {
    const html = site.read("/1920-11-15/a01/");
    expect(html).toContain('<link rel="stylesheet" href="/epaper/assets/site.css">');
    expect(html).toContain('<a href="/epaper/1920-11-15/a01/treaty/" id="area-treaty"');
    expect(html).toMatch(/src="\/epaper\/img\/[0-9a-f]{20}\/[0-9]+\.jpg"/);
    expect(html).toContain('<link rel="canonical" href="https://news.example.com/epaper/1920-11-15/a01/">');
    expect(html).not.toMatch(/href="\/(?!epaper\/)/);
  });
});
