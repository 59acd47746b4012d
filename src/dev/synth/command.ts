// npm run synth: a synthetic archive, with a progress line and a summary for people.
import path from "node:path";
import { archiveMarker, generateArchive } from "./index.ts";

export const defaultSynthOut = ".tmp/synth/editions";

export interface SynthCommand {
  editions: number;
  pages?: number;
  articles?: number;
  seed?: number;
  start?: string;
  out?: string;
  clean?: boolean;
}

export async function synthCommand(options: SynthCommand): Promise<void> {
  const out = path.resolve(options.out ?? defaultSynthOut);
  // The default folder is ours, under .tmp; any other folder is only replaced when asked.
  const clean = options.clean ?? out === path.resolve(defaultSynthOut);
  const started = performance.now();
  const live = process.stdout.isTTY;
  let lastPrinted = 0;

  const summary = await generateArchive({
    out,
    editions: options.editions,
    pages: options.pages,
    articles: options.articles,
    seed: options.seed,
    startDate: options.start,
    clean,
    onProgress(done, total) {
      const now = performance.now();
      // One line, rewritten in place on a terminal; in a log, a line every ten seconds.
      if (done < total && now - lastPrinted < (live ? 200 : 10_000)) return;
      lastPrinted = now;
      const line = `synth: ${done}/${total} editions (${((now - started) / 1000).toFixed(1)} s)`;
      if (live) process.stdout.write(`\r${line}`);
      else console.log(line);
    },
  });
  if (live) process.stdout.write("\n");

  const seconds = (performance.now() - started) / 1000;
  console.log(
    `synth: ${summary.editions} editions (${summary.firstDate ?? "-"} … ${summary.lastDate ?? "-"}, ` +
      `${summary.daysSpanned} days, ${summary.sectionedEditions} in sections), ${summary.pages} pages, ` +
      `${summary.articles} articles (${summary.stories} continued), ${summary.figures} photos, ` +
      `${summary.files} files in ${seconds.toFixed(1)} s → ${path.relative(process.cwd(), out) || "."}`,
  );
  if (summary.firstDate && summary.lastDate) {
    const first = archiveMarker(summary.firstDate);
    const last = archiveMarker(summary.lastDate);
    console.log(`synth: every lead article holds "${first.phrase}"; oldest: ${first.token}, newest: ${last.token}`);
  }
}
