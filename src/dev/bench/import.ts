// npm run bench:import: a night's folder of page PDFs imported the way the desk imports it (npm run import on the
// folder, each page in its own child process, as many at once as there are cores), timed end to end.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { scriptArgs } from "../../project.ts";
import { findPageFolders } from "../eval/pages.ts";
import { median } from "./measure.ts";

export interface ImportBenchOptions {
  /** Folders holding real page PDFs (page.pdf in each sub-folder), e.g. ../shared/samples/world. */
  sources: string[];
  /** Pages in the folder: the sources' pages, taken in turn until there are this many. */
  pages: number;
  reps: number;
  /** Pages imported at once (default: the cores). */
  jobs?: number;
}

export interface ImportBenchResult {
  pages: number;
  jobs: number;
  /** Wall time of each run, seconds. */
  seconds: number[];
  imported: number;
  failed: number;
}

/** The page PDFs of the sources' page folders (those eval:pages measures), in name order. */
async function pagePdfs(sources: readonly string[]): Promise<string[]> {
  const found = await Promise.all(sources.map((source) => findPageFolders(source)));
  return found.flatMap((f) => [...f.publisher, ...f.truth].sort()).map((dir) => path.join(dir, "page.pdf"));
}

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

export async function runImportBench(options: ImportBenchOptions): Promise<ImportBenchResult> {
  const pdfs = await pagePdfs(options.sources);
  if (!pdfs.length)
    throw new Error(`no page.pdf under ${options.sources.join(", ")}: give --samples a folder of page folders`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "banmian-bench-import-"));
  const jobs = options.jobs ?? os.availableParallelism();
  try {
    const folder = path.join(work, "plant");
    fs.mkdirSync(folder);
    for (let i = 0; i < options.pages; i++) {
      fs.copyFileSync(pdfs[i % pdfs.length], path.join(folder, `paper20240506${String(i + 1).padStart(2, "0")}.pdf`));
    }
    const seconds: number[] = [];
    let last = { imported: 0, failed: 0 };
    for (let rep = 0; rep < options.reps; rep++) {
      const editions = path.join(work, `editions-${rep}`);
      const started = process.hrtime.bigint();
      const result = await run([
        ...scriptArgs("import"),
        folder,
        "--pattern",
        "paper{date}{page}.pdf",
        "--section",
        "要闻",
        "--editions",
        editions,
        "--jobs",
        String(jobs),
      ]);
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const imported = /(\d+) page\(s\) imported, (\d+) failed/u.exec(result.stdout);
      last = { imported: Number(imported?.[1] ?? 0), failed: Number(imported?.[2] ?? options.pages) };
    }
    return { pages: options.pages, jobs, seconds, ...last };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export function formatImportBench(r: ImportBenchResult): string {
  const middle = median(r.seconds);
  return [
    `import of a ${r.pages}-page folder of page PDFs, ${r.jobs} at once: ${r.imported} imported, ${r.failed} failed`,
    `  runs: ${r.seconds.map((s) => `${s.toFixed(1)} s`).join(", ")}; median ${middle.toFixed(1)} s, ${(middle / r.pages).toFixed(2)} s a page`,
  ].join("\n");
}
