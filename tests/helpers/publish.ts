// A publish root in a temp folder with a copy of a fixture archive, and the real publish command run on it.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { PublishPoint } from "../../src/publish/publish.ts";
import { compiledScript, repo, runScript, tempDir, type CommandResult } from "./build.ts";
import { copyTree } from "./tree.ts";

export interface FixtureRoot {
  base: string;
  editions: string;
  root: string;
  cache: string;
  publish(date: string, ...args: string[]): CommandResult;
}

export function fixtureRoot(name: string, fixture = "tests/fixtures/editions-zh"): FixtureRoot {
  const base = tempDir(name);
  const editions = path.join(base, "editions");
  const root = path.join(base, "public");
  const cache = path.join(base, "cache");
  copyTree(path.join(repo, fixture), editions);
  return {
    base,
    editions,
    root,
    cache,
    publish: (date, ...args) =>
      runScript("publish.ts", [date, ...args, "--editions", editions, "--root", root, "--cache", cache]),
  };
}

/**
 * The node arguments of npm run publish stopped at `point` (tests/helpers/stopped-publish.mjs): "fail" throws
 * there, "hold" prints "holding at <point>" and waits to be killed.
 */
export function stoppedPublishArgs(mode: "fail" | "hold", point: PublishPoint, args: string[]): string[] {
  compiledScript("publish.ts"); // the helper imports dist/: says so when it is missing
  return [path.join(repo, "tests/helpers/stopped-publish.mjs"), mode, point, ...args];
}

/** Runs npm run publish with a failure at `point`. */
export function failingPublish(point: PublishPoint, args: string[]): CommandResult {
  const result = spawnSync(process.execPath, stoppedPublishArgs("fail", point, args), {
    cwd: repo,
    encoding: "utf8",
    timeout: 300_000,
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}
