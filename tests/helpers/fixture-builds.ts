// The fixture sites shared by the test files of one run: each fixture is built once, by the first file that asks
// for it, with the real build command; the others wait for that build and read it. The run's global set-up
// (fixture-builds-setup.ts) gives every project of the run one folder for them and removes it at the end.
import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { type BuiltSite, buildFixture, builtSite, type CommandResult, compiledScript } from "./build.ts";

/**
 * The site the real build command makes of `editions` (with `site` as its settings), built once in this run and
 * shared: read it, never write into it (a test that changes a site builds its own with buildFixture).
 */
export async function sharedFixture(editions: string, options: { site?: string } = {}): Promise<BuiltSite> {
  // Named by the compiled build too, so that a watch run compiled again since builds again.
  const compiled = Math.round(fs.statSync(compiledScript("build.ts")[0]).mtimeMs);
  const name = [editions, options.site ?? "site", compiled].join(" ").replace(/\W+/g, "-");
  const folder = path.join(inject("fixtureBuilds"), name);
  const done = `${folder}.json`;
  let result: CommandResult;
  try {
    // The one that makes the folder builds; the others wait for its result.
    fs.mkdirSync(folder);
    const built = buildFixture(editions, {
      ...options,
      out: path.join(folder, "site"),
      cache: path.join(folder, "cache"),
    });
    result = built.result;
    fs.writeFileSync(`${done}.tmp`, JSON.stringify(result));
    fs.renameSync(`${done}.tmp`, done);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    result = await builtBy(done, editions);
  }
  if (result.code !== 0) throw new Error(`${editions}: the build failed\n${result.output}`);
  return builtSite(path.join(folder, "site"), path.join(folder, "cache"), result);
}

/** Waits for another test file's build of the same fixture to finish (5 minutes at most), and reads its result. */
async function builtBy(done: string, editions: string): Promise<CommandResult> {
  const deadline = Date.now() + 300_000;
  while (!fs.existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`${editions}: gave up waiting for another test file's build of it`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return JSON.parse(fs.readFileSync(done, "utf8")) as CommandResult;
}

export interface FixtureSite {
  name: string;
  /** The path prefix the site is served under */
  prefix: string;
  /** The site's absolute root (baseUrl + pathPrefix), as its manifests and JSON name it */
  root: string;
  site: BuiltSite;
}

/** The sample edition, the Chinese fixtures and the English paper under /epaper/: the run's shared builds of them. */
export function sharedFixtureSites(): Promise<FixtureSite[]> {
  const fixtures = [
    ["sample", "editions", undefined, "/", "https://epaper.example.cn/"],
    ["zh fixtures", "tests/fixtures/editions-zh", undefined, "/", "https://epaper.example.cn/"],
    [
      "en fixtures under /epaper/",
      "tests/fixtures/editions-en",
      "tests/fixtures/site-en.json",
      "/epaper/",
      "https://news.example.com/epaper/",
    ],
  ] as const;
  return Promise.all(
    fixtures.map(async ([name, editions, siteFile, prefix, root]) => ({
      name,
      prefix,
      root,
      site: await sharedFixture(editions, { site: siteFile }),
    })),
  );
}
