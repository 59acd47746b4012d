// Writes small edition trees for unit tests from a { "path": "content" } table.
import fs from "node:fs";
import path from "node:path";
import { repo, tempDir } from "./build.ts";

export function writeTree(files: Record<string, string | Buffer>): string {
  const root = tempDir("tree");
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(root, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return root;
}

export const article = (fields: string, body = "正文。") => `---\n${fields.trim()}\n---\n\n${body}\n`;

/** Three one-page editions (2024-01-01 to 03, one article each) and the build options that read them. */
export function threeEditions(): {
  root: string;
  options: { editionsDir: string; siteFile: string; outDir: string; cacheDir: string };
} {
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
  return { root, options };
}
