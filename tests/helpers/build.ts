// Runs the real build command in a child process, as a night editor would, into a temp folder.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const repo = path.resolve(import.meta.dirname, "../..");

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
}

/** The node arguments of a command as npm runs it: the compiled script in dist/ (npm test compiles first). */
export function compiledScript(script: string): string[] {
  const file = path.join(repo, "dist", "scripts", script.replace(/\.ts$/, ".js"));
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run compile (npm test does) before the tests`);
  return [file];
}

export function runScript(script: string, args: string[], env: Record<string, string> = {}): CommandResult {
  const result = spawnSync(process.execPath, [...compiledScript(script), ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
  return {
    code: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}\n${result.stderr}`,
  };
}

export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `banmian-${name}-`));
}

export interface BuiltSite {
  out: string;
  cache: string;
  result: CommandResult;
  read(url: string): string;
  exists(url: string): boolean;
}

/** Builds `editions` with the real build script; the site is read back by URL path. */
export function buildFixture(
  editions: string,
  options: { site?: string; out?: string; cache?: string; args?: string[] } = {},
): BuiltSite {
  const base = tempDir("build");
  const out = options.out ?? path.join(base, "site");
  const cache = options.cache ?? path.join(base, "cache");
  const args = ["--editions", editions, "--out", out, "--cache", cache, ...(options.args ?? [])];
  if (options.site) args.push("--site", options.site);
  return builtSite(out, cache, runScript("build.ts", args));
}

/** A site the build command made into `out`, read back by URL path. */
export function builtSite(out: string, cache: string, result: CommandResult): BuiltSite {
  const file = (url: string) => path.join(out, url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : "");
  return {
    out,
    cache,
    result,
    read: (url) => fs.readFileSync(file(url), "utf8"),
    exists: (url) => fs.existsSync(file(url)),
  };
}
