// A publish root in a temp folder with a copy of a fixture archive, and the real publish command run on it.
import path from "node:path";
import { repo, runScript, tempDir, type CommandResult } from "./build.ts";
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
    base, editions, root, cache,
    publish: (date, ...args) => runScript("publish.ts", [date, ...args, "--editions", editions, "--root", root, "--cache", cache]),
  };
}
