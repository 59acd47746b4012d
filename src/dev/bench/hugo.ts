// The outside yardstick: Hugo (Debian's `hugo`, when installed) on the same markdown files as bare Eleventy, with
// an equally trivial layout, so the bench can say how fast a static-site generator of another kind is here.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { BareArticle } from "./bare.ts";
import type { Run } from "./measure.ts";

const layout = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body>
</html>
`;

/** Hugo's version line, or null when no `hugo` is on the PATH. */
export function hugoVersion(): string | null {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : null;
}

/** Writes a Hugo site: layouts/_default/single.html and content/<n>.md, the same files makeBareProject writes. */
export function makeHugoProject(dir: string, articles: BareArticle[], count = articles.length): void {
  if (!articles.length) throw new Error("a Hugo project needs at least one article");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, "layouts", "_default"), { recursive: true });
  fs.mkdirSync(path.join(dir, "content"), { recursive: true });
  // Only the article pages: no taxonomies, lists, sitemap or feed, which bare Eleventy does not make either.
  fs.writeFileSync(
    path.join(dir, "config.toml"),
    `baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]\n`,
  );
  fs.writeFileSync(path.join(dir, "layouts", "_default", "single.html"), layout);
  for (let i = 0; i < count; i++) {
    const a = articles[i % articles.length];
    fs.writeFileSync(
      path.join(dir, "content", `${String(i + 1).padStart(5, "0")}.md`),
      `---\ntitle: ${JSON.stringify(a.title)}\n---\n${a.body}`,
    );
  }
}

/** Builds the Hugo site in `dir` into dir/public, timed like timeNode (wall time; CPU and memory not measured). */
export function timeHugo(dir: string): Promise<Run> {
  fs.rmSync(path.join(dir, "public"), { recursive: true, force: true });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("hugo", ["--quiet", "--source", dir, "--destination", path.join(dir, "public")], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`hugo in ${dir} failed with exit code ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ seconds: (performance.now() - started) / 1000, peakRssMb: null, cpuSeconds: null });
    });
  });
}
