// Where the project's own files are, and how to start one of its commands as a child process — the same whether
// this code runs compiled (dist/, what npm scripts run) or from source (vitest, tsx).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** True when this file is the compiled dist/src/project.js. */
export const compiled = import.meta.url.endsWith(".js");

/** The folder holding package.json: templates, _includes, _data and node_modules are found from here. */
export const projectRoot = findRoot(here);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json")) && !dir.endsWith(`${path.sep}dist`)) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** The bytes of the project's own modules (paths under src/, without extension) as this process runs them: a
 * cache entry made by them names them in its key, so that it is made again when their code changes. */
export function moduleSources(modules: string[]): Buffer[] {
  return modules.map((m) =>
    fs.readFileSync(
      compiled ? path.join(projectRoot, "dist", "src", `${m}.js`) : path.join(projectRoot, "src", `${m}.ts`),
    ),
  );
}

/** The node arguments that run scripts/<name>: its compiled form, or the source through tsx. */
export function scriptArgs(name: string): string[] {
  return compiled
    ? [path.join(projectRoot, "dist", "scripts", `${name}.js`)]
    : ["--import", "tsx", path.join(projectRoot, "scripts", `${name}.ts`)];
}

/** The Eleventy config file matching the code that runs. */
export const eleventyConfigFile = compiled
  ? path.join(projectRoot, "dist", "eleventy.config.js")
  : path.join(projectRoot, "eleventy.config.ts");
