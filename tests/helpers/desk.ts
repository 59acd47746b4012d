// The night desk (npm run desk) run as a child process on temp folders, as a night editor runs it, with waits on
// what it records (its journal, its status page) rather than on time.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { JournalData } from "../../src/desk/hotfolder/journal.ts";
import { compiledScript, repo, tempDir } from "./build.ts";

export interface DeskFolders {
  base: string;
  hot: string;
  editions: string;
  root: string;
  cache: string;
  state: string;
}

export function deskFolders(name: string): DeskFolders {
  const base = tempDir(name);
  const folders = {
    base,
    hot: path.join(base, "hot"),
    editions: path.join(base, "editions"),
    root: path.join(base, "public"),
    cache: path.join(base, "cache"),
    state: path.join(base, "state"),
  };
  fs.mkdirSync(folders.hot);
  return folders;
}

export interface RunningDesk {
  child: ChildProcess;
  /** Every line it printed so far */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  url(): Promise<string>;
}

/** npm run desk on the folders; with `hold`, held at that point of its way (tests/helpers/stopped-desk.mjs). */
export function startDesk(folders: DeskFolders, args: string[], hold?: string): RunningDesk {
  fs.rmSync(path.join(folders.state, "status-url"), { force: true });
  const command = hold ? [path.join(repo, "tests/helpers/stopped-desk.mjs"), hold] : compiledScript("desk.ts");
  const child = spawn(
    process.execPath,
    [
      ...command,
      folders.hot,
      "--editions",
      folders.editions,
      "--root",
      folders.root,
      "--cache",
      folders.cache,
      "--state",
      folders.state,
      "--port",
      "0",
      "--interval-ms",
      "100",
      ...args,
    ],
    { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
  );
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = "";
    stream.on("data", (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split("\n");
      partial = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    exited,
    url: async () => {
      const file = path.join(folders.state, "status-url");
      await until(
        () => fs.existsSync(file),
        "the desk's status page",
        () => lines.join("\n"),
      );
      return fs.readFileSync(file, "utf8").trim();
    },
  };
}

/** Waits until `condition` holds, checking every 50 ms; fails after `seconds` with what `context` says. */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  context: () => string = () => "",
  seconds = 240,
): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}\n${context()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function readJournal(folders: DeskFolders): JournalData {
  const file = path.join(folders.state, "journal.json");
  return fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, "utf8"))
    : { format: 1, pages: {}, files: {}, published: {}, publishNow: [], log: [] };
}

/** A file of the live site by URL path, or null. */
export function liveFile(folders: DeskFolders, url: string): string | null {
  const file = path.join(folders.root, "current", url.replace(/^\//, ""), url.endsWith("/") ? "index.html" : "");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
}

/** Writes a file as a typesetting system does: into a temporary name, then renamed into place. */
export function drop(folders: DeskFolders, name: string, bytes: Uint8Array): void {
  const file = path.join(folders.hot, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.part`, bytes);
  fs.renameSync(`${file}.part`, file);
}
