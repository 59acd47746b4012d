import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readArticleFile } from "../../../../src/desk/hotspots/page-articles.ts";
import { writeAreas } from "../../../../src/desk/hotspots/write-areas.ts";

const fixture = new URL("../../../fixtures/hotspots/2022-09-02", import.meta.url).pathname;
let pageDir: string;
let tmp: string;

beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "banmian-areas-"));
  await fs.cp(fixture, path.join(tmp, "2022-09-02"), { recursive: true });
  pageDir = path.join(tmp, "2022-09-02", "02");
});
afterEach(() => fs.rm(tmp, { recursive: true, force: true }));

const file = (name: string) => path.join(pageDir, name);

/** Drops the area line of an article file, as a night editor's new article would be. */
async function withoutArea(name: string): Promise<void> {
  const text = await fs.readFile(file(name), "utf8");
  await fs.writeFile(file(name), text.replace(/^area: .*\n/m, ""));
}

describe("writeAreas", () => {
  it("fills an article without an area and keeps its other fields and body", async () => {
    await withoutArea("03-laojiu-xiaoqu.md");
    const before = await readArticleFile(file("03-laojiu-xiaoqu.md"));
    expect(before.fields.area).toBeUndefined();

    const results = await writeAreas([{ file: file("03-laojiu-xiaoqu.md"), area: [0.03, 0.484, 0.93, 0.068] }]);

    expect(results).toEqual([{ file: file("03-laojiu-xiaoqu.md"), status: "written", previous: undefined }]);
    const after = await readArticleFile(file("03-laojiu-xiaoqu.md"));
    expect(after.fields).toEqual({ ...before.fields, area: [0.03, 0.484, 0.93, 0.068] });
    expect(after.body).toBe(before.body);
    expect(await fs.readFile(file("03-laojiu-xiaoqu.md"), "utf8")).toContain("area: [0.03, 0.484, 0.93, 0.068]\n");
  });

  it("keeps an existing area unless forced, then replaces only the area", async () => {
    const name = file("04-dancheng-yingshang.md");
    const original = await fs.readFile(name, "utf8");
    const update = { file: name, area: [0.03, 0.567, 0.597, 0.401] as [number, number, number, number] };

    expect(await writeAreas([update])).toEqual([{ file: name, status: "kept", previous: [0.028, 0.56, 0.603, 0.413] }]);
    expect(await fs.readFile(name, "utf8")).toBe(original);

    expect((await writeAreas([update], { force: true }))[0].status).toBe("written");
    const after = await fs.readFile(name, "utf8");
    expect(after).toBe(original.replace("area: [0.028, 0.56, 0.603, 0.413]", "area: [0.03, 0.567, 0.597, 0.401]"));
    expect(after).toContain('continued_from: "01"');

    expect((await writeAreas([update], { force: true }))[0].status).toBe("unchanged");
  });

  it("names a file with bad front matter and writes nothing", async () => {
    await withoutArea("01-xingzheng-fuwu.md");
    const bad = file("02-chenzhou-jiedao.md");
    await fs.writeFile(bad, (await fs.readFile(bad, "utf8")).replace("headline:", "headlin:"));
    const good = await fs.readFile(file("01-xingzheng-fuwu.md"), "utf8");

    await expect(
      writeAreas([
        { file: file("01-xingzheng-fuwu.md"), area: [0.03, 0.08, 0.505, 0.367] },
        { file: bad, area: [0.655, 0.08, 0.315, 0.357] },
      ]),
    ).rejects.toThrow(`${bad}:4: front matter "headlin": unknown key: did you mean "headline"?`);
    expect(await fs.readFile(file("01-xingzheng-fuwu.md"), "utf8")).toBe(good);
  });
});
