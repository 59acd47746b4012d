// A night with the hot folder: npm run desk fed page by page — one page written slowly in pieces, one damaged page,
// one replaced after the edition went live, one fixed by hand before its replacement, one whose hand fix cannot be
// carried over — with the live site read back after each step.
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceAreaLine } from "../../src/content/article-file.ts";
import {
  deskFolders,
  drop,
  liveFile,
  readJournal,
  startDesk,
  until,
  type DeskFolders,
  type RunningDesk,
} from "../helpers/desk.ts";
import { runScript } from "../helpers/build.ts";
import { twoArticlePage, words } from "../helpers/page-pdfs.ts";

const date = "2024-05-01";
let folders: DeskFolders;
let desk: RunningDesk;
let url: string;

const page = (key: string) => readJournal(folders).pages[`${date}/${key}`];
const livePage = (label: string) => liveFile(folders, `/${date}/${label}/`) ?? "";
/** Whether page `label`'s import from `source` is live: published with the hash it was imported from. */
const isLive = (label: string, source: string) => {
  const journal = readJournal(folders);
  const imported = journal.pages[`${date}/${label}`]?.imported;
  return imported?.source === source && journal.published[date]?.pages[label] === imported.hash;
};
const output = () => desk.lines.slice(-40).join("\n");
const status = async () =>
  (await fetch(`${url}status.json`)).json() as Promise<{ polls: number; arriving: { relative: string }[] }>;
const pageDir = (label: string) => path.join(folders.editions, date, label);
const articleFile = (label: string, headline: string) => {
  const name = fs
    .readdirSync(pageDir(label))
    .find(
      (n) =>
        n.endsWith(".md") && fs.readFileSync(path.join(pageDir(label), n), "utf8").includes(`headline: ${headline}\n`),
    );
  if (!name) throw new Error(`no article "${headline}" on page ${label}: ${fs.readdirSync(pageDir(label)).join(", ")}`);
  return path.join(pageDir(label), name);
};

beforeAll(async () => {
  folders = deskFolders("desk");
  // How many pages the edition has, from its edition.yml (the publish checks the file with the rest).
  fs.mkdirSync(path.join(folders.editions, date), { recursive: true });
  fs.writeFileSync(path.join(folders.editions, date, "edition.yml"), "issue: 12866\npages: 3\n");
  desk = startDesk(folders, ["--section", "要闻"]);
  url = await desk.url();
});

afterAll(async () => {
  if (desk.child.exitCode === null) desk.child.kill("SIGKILL");
  await desk.exited;
});

describe("npm run desk on a hot folder", () => {
  it("does not take a page while it is being written, and imports it once it is complete", async () => {
    const bytes = twoArticlePage(
      { headline: "春风化雨", seed: "春风化雨润物" },
      { headline: "秋收冬藏", seed: "秋收冬藏夏长" },
    );
    const file = path.join(folders.hot, "rmrb2024050101.pdf");
    fs.writeFileSync(file, bytes.subarray(0, 1500));
    const seen = (await status()).polls;
    // Ten polls with the half file there, unchanged: longer than the settle polls, and still not taken.
    await until(async () => (await status()).polls >= seen + 10, "ten polls", output);
    expect((await status()).arriving.map((f) => f.relative)).toEqual(["rmrb2024050101.pdf"]);
    expect(page("01")).toBeUndefined();
    expect(fs.existsSync(pageDir("01"))).toBe(false);
    fs.appendFileSync(file, bytes.subarray(1500));
    await until(() => page("01")?.imported !== undefined, "page 01 imported", output);
    expect(page("01").imports).toBe(1);
    expect(fs.readFileSync(path.join(pageDir("01"), "page.pdf")).equals(Buffer.from(bytes))).toBe(true);
  });

  it("reports a damaged page with its name and what to do, imports the others, and publishes nothing incomplete", async () => {
    drop(
      folders,
      "rmrb2024050103.pdf",
      Buffer.from("%PDF-1.7\n1 0 obj <</Type/Catalog>> cut off by the plant\n%%EOF\n"),
    );
    drop(
      folders,
      "rmrb2024050102.pdf",
      twoArticlePage({ headline: "夏日炎炎", seed: "夏日炎炎蝉鸣" }, { headline: "冬雪皑皑", seed: "冬雪皑皑梅开" }),
    );
    await until(
      () => page("03")?.problem !== undefined && page("02")?.imported !== undefined,
      "page 03 reported, page 02 imported",
      output,
    );
    expect(page("03").problem).toMatchObject({ kind: "failed", source: "rmrb2024050103.pdf" });
    const html = await (await fetch(url)).text();
    expect(html).toContain("rmrb2024050103.pdf cannot be imported");
    expect(html).toContain(
      "Export the page again into the hot folder (the same name, or a new version such as rmrb2024050103_v2.pdf)",
    );
    expect(html).toContain("2 of 3 pages in");
    expect(fs.existsSync(path.join(folders.root, "current"))).toBe(false);
  });

  it("publishes the edition once its last page is in", async () => {
    drop(
      folders,
      "rmrb2024050103_v2.pdf",
      twoArticlePage({ headline: "山高水长", seed: "山高水长云深" }, { headline: "海阔天空", seed: "海阔天空鸟飞" }),
    );
    await until(() => isLive("03", "rmrb2024050103_v2.pdf"), "the edition live", output);
    expect(readJournal(folders).published[date].kind).toBe("edition");
    for (const [label, headlines] of [
      ["01", ["春风化雨", "秋收冬藏"]],
      ["02", ["夏日炎炎", "冬雪皑皑"]],
      ["03", ["山高水长", "海阔天空"]],
    ] as const) {
      for (const headline of headlines) expect(livePage(label)).toContain(headline);
    }
    const html = await (await fetch(url)).text();
    expect(html).toContain(`<a href="/${date}/01/">live page</a>`);
    expect(await (await fetch(`${url}${date}/03/`)).text()).toContain("山高水长");
    expect(html).toContain(`<a href="/proof/${date}">proof sheet</a>`);
  });

  it("keeps a headline fixed by hand and an area moved by hand when the article's text is unchanged in the replacement", async () => {
    const fixed = articleFile("02", "夏日炎炎");
    const area = [0.04, 0.05, 0.45, 0.85] as [number, number, number, number];
    fs.writeFileSync(
      fixed,
      replaceAreaLine(
        fs.readFileSync(fixed, "utf8").replace("headline: 夏日炎炎\n", "headline: 夏日炎炎（更正）\n"),
        area,
      )!,
    );
    drop(
      folders,
      "rmrb2024050102-2.pdf",
      twoArticlePage({ headline: "夏日炎炎", seed: "夏日炎炎蝉鸣" }, { headline: "星光灿烂", seed: "星光灿烂月明" }),
    );
    await until(() => isLive("02", "rmrb2024050102-2.pdf"), "the replaced page 02 live", output);
    expect(readJournal(folders).published[date].kind).toBe("late");
    const text = fs.readFileSync(fixed, "utf8");
    expect(text).toContain("headline: 夏日炎炎（更正）\n");
    expect(text).toContain("area: [0.04, 0.05, 0.45, 0.85]\n");
    expect(livePage("02")).toContain("夏日炎炎（更正）");
    expect(livePage("02")).toContain("星光灿烂");
    expect(livePage("02")).not.toContain("冬雪皑皑");
    expect(page("02").imported!.kept).toEqual([{ name: path.basename(fixed), fields: ["headline", "area"] }]);
  });

  it("publishes a page replaced after the edition went live as a late page", async () => {
    drop(
      folders,
      "rmrb2024050101_v2.pdf",
      twoArticlePage({ headline: "春风化雨", seed: "春风化雨润物" }, { headline: "江河奔流", seed: "江河奔流不息" }),
    );
    await until(() => isLive("01", "rmrb2024050101_v2.pdf"), "the replaced page 01 live", output);
    expect(livePage("01")).toContain("江河奔流");
    expect(livePage("01")).not.toContain("秋收冬藏");
    // The other pages are as they were.
    expect(livePage("02")).toContain("夏日炎炎（更正）");
    expect(livePage("03")).toContain("山高水长");
    // After each publish the desk merged the year into a yearly search segment in the root's shared store.
    const store = path.join(folders.root, "store", "img", "search");
    expect(fs.readdirSync(store).filter((name) => name.startsWith("2024-"))).not.toHaveLength(0);
  });

  it("holds a page whose hand fix cannot be carried over, shows the conflict, and takes the new PDF when the editor says so", async () => {
    const fixed = articleFile("01", "春风化雨");
    fs.writeFileSync(
      fixed,
      fs.readFileSync(fixed, "utf8").replace("headline: 春风化雨\n", "headline: 春风化雨（编）\n"),
    );
    const before = livePage("01");
    drop(
      folders,
      "rmrb2024050101_v3.pdf",
      twoArticlePage({ headline: "春风化雨", seed: "春风又绿江南" }, { headline: "江河奔流", seed: "江河奔流不息" }),
    );
    await until(() => page("01")?.problem?.kind === "conflict", "page 01 held", output);
    expect(fs.readFileSync(fixed, "utf8")).toContain("headline: 春风化雨（编）\n");
    expect(livePage("01")).toBe(before);
    const html = await (await fetch(url)).text();
    expect(html).toContain(
      `${path.basename(fixed)}: fixed by hand, and its text (春风化雨（编）) is not on the new page as it was`,
    );
    const token = /name="token" value="([0-9a-f]+)"/.exec(html)![1];

    const form = new URLSearchParams({ page: `${date}/01`, choice: "take", token }).toString();
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    const foreign = await fetch(`${url}resolve`, {
      method: "POST",
      body: form,
      headers: { ...headers, origin: "http://evil.example" },
      redirect: "manual",
    });
    expect(foreign.status).toBe(403);
    expect(page("01").problem?.kind).toBe("conflict");
    const own = await fetch(`${url}resolve`, {
      method: "POST",
      body: form,
      headers: { ...headers, origin: url.replace(/\/$/, "") },
      redirect: "manual",
    });
    expect(own.status).toBe(303);
    await until(() => isLive("01", "rmrb2024050101_v3.pdf"), "page 01 from the new PDF live", output);
    expect(livePage("01")).not.toContain("春风化雨（编）");
    const articleUrl = `/${date}/01/${path.basename(articleFile("01", "春风化雨"), ".md").replace(/^\d+-/, "")}/`;
    expect(liveFile(folders, articleUrl)).toContain("春风又绿江南");
    // The hand-fixed file the editor gave up is kept beside the journal.
    const aside = path.join(folders.state, "overwritten", date, "01");
    const saved = fs
      .readdirSync(aside)
      .flatMap((d) => fs.readdirSync(path.join(aside, d)).map((n) => fs.readFileSync(path.join(aside, d, n), "utf8")));
    expect(saved.some((text) => text.includes("headline: 春风化雨（编）"))).toBe(true);
  });

  it("publishes at once when an editor asks from the command line", async () => {
    const before = readJournal(folders).published[date].release;
    const asked = runScript("desk.ts", ["--publish-now", date, "--state", folders.state]);
    expect(asked.code, asked.output).toBe(0);
    await until(() => readJournal(folders).published[date].release !== before, "a new release", output);
    expect(readJournal(folders).log.some((l) => l.text === `publish ${date} now: asked by the editor`)).toBe(true);
  });

  it("publishes a page that arrives late, first as its text dump, then with its PDF for the areas", async () => {
    const dump = `## 海上明月（编辑稿）\n\n${words("海上明月共潮", 120)}\n\n${words("潮共月明上海", 60)}\n\n## 天涯此时\n\n${words("天涯此时远方", 100)}\n`;
    drop(folders, "rmrb2024050104.txt", Buffer.from(dump));
    await until(() => isLive("04", "rmrb2024050104.txt"), "page 04 from its dump live", output);
    expect(livePage("04")).toContain("海上明月（编辑稿）");
    const lead = articleFile("04", "海上明月（编辑稿）");
    expect(fs.readFileSync(lead, "utf8")).not.toContain("area:");

    drop(
      folders,
      "rmrb2024050104.pdf",
      twoArticlePage({ headline: "海上明月", seed: "海上明月共潮" }, { headline: "天涯此时", seed: "天涯此时远方" }),
    );
    await until(() => isLive("04", "rmrb2024050104.pdf"), "page 04 with its PDF live", output);
    expect(Object.keys(page("04").imported!.inputs).sort()).toEqual(["dump", "pdf"]);
    // The dump's words, the PDF's areas: the lead article is on the left half of the page.
    const text = fs.readFileSync(articleFile("04", "海上明月（编辑稿）"), "utf8");
    const xs = JSON.parse(/^area: (.*)$/m.exec(text)![1]).map((point: number[]) => point[0]) as number[];
    expect(Math.max(...xs)).toBeLessThan(0.55);
    expect(livePage("04")).toContain("海上明月（编辑稿）");
    expect(livePage("04")).toContain("天涯此时");
  });

  it("takes a page's scan into page.yml and publishes the page with it", async () => {
    const images = (html: string) => [...html.matchAll(/src="([^"]*\/img\/[^"]+)"/g)].map((m) => m[1]);
    const before = images(livePage("04"));
    expect(before.length).toBeGreaterThan(0);
    const scan = await sharp({
      create: { width: 600, height: 800, channels: 3, background: { r: 250, g: 245, b: 230 } },
    })
      .jpeg()
      .toBuffer();
    drop(folders, "rmrb2024050104.jpg", scan);
    await until(() => isLive("04", "rmrb2024050104.jpg"), "page 04 with its scan live", output);
    const pageYml = fs.readFileSync(path.join(pageDir("04"), "page.yml"), "utf8");
    expect(pageYml).toMatch(/^scan: page\.jpg$/m);
    expect(pageYml).toMatch(/^pdf: page\.pdf$/m);
    expect(fs.readFileSync(path.join(pageDir("04"), "page.jpg")).equals(scan)).toBe(true);
    // The page view shows the scan now (its derivatives are named by their bytes), the articles as they were.
    expect(images(livePage("04"))[0]).not.toBe(before[0]);
    expect(livePage("04")).toContain("海上明月（编辑稿）");
  });

  it("imported each arrival once, and stops on SIGTERM", async () => {
    expect(Object.fromEntries(Object.values(readJournal(folders).pages).map((p) => [p.label, p.imports]))).toEqual({
      "01": 3,
      "02": 2,
      "03": 1,
      "04": 3,
    });
    desk.child.kill("SIGTERM");
    expect((await desk.exited).code).toBe(0);
  });
});
