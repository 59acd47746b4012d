// The yardstick: a bare Eleventy 3 project (markdown files, one trivial layout) built with Eleventy's own CLI.
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { splitFrontMatter } from "../../content/article-file.ts";

export interface BareArticle {
  title: string;
  body: string;
}

const layout = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><main><h1>{{ title }}</h1>
{{ content | safe }}
</main></body>
</html>
`;

/** Article files (NN-slug.md) under an editions folder, in path order, at most `limit`. */
export function findArticleFiles(editionsDir: string, limit = Infinity): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (found.length >= limit) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^\d{1,3}-.*\.md$/.test(entry.name)) found.push(full);
    }
  };
  walk(editionsDir);
  return found;
}

export function readArticle(file: string): BareArticle {
  const { yaml: frontMatter, body } = splitFrontMatter(fs.readFileSync(file, "utf8"));
  const fields = (frontMatter ? yaml.load(frontMatter) : {}) as { headline?: string };
  return { title: fields.headline ?? path.basename(file, ".md"), body };
}

/** Writes the project: src/_includes/article.njk and src/<n>.md, one per article, cycling through `articles` to reach `count`. */
export function makeBareProject(dir: string, articles: BareArticle[], count = articles.length): void {
  if (!articles.length) throw new Error("a bare Eleventy project needs at least one article");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "src", "_includes"), { recursive: true });
  fs.writeFileSync(path.join(dir, "src", "_includes", "article.njk"), layout);
  for (let i = 0; i < count; i++) {
    const a = articles[i % articles.length];
    const front = `---\nlayout: article.njk\ntitle: ${JSON.stringify(a.title)}\n---\n`;
    fs.writeFileSync(path.join(dir, "src", `${String(i + 1).padStart(5, "0")}.md`), front + a.body);
  }
}

/** Node arguments for building the project in `dir` (run with cwd = dir) into dir/_site. */
export function bareEleventyArgs(repo: string): string[] {
  return [path.join(repo, "node_modules", "@11ty", "eleventy", "cmd.cjs"), "--input=src", "--output=_site", "--quiet"];
}
