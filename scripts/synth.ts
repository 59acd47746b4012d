// npm run synth -- --editions N [--pages P --articles A --seed S --out DIR --start YYYY-MM-DD --clean]: a synthetic archive.
import path from "node:path";
import { parseArgs } from "node:util";
import { archiveMarker, generateArchive } from "../src/dev/synth/index.ts";

const DEFAULT_OUT = ".tmp/synth/editions";

const usage = `usage: npm run synth -- --editions N [--pages 8] [--articles 60] [--seed 1] [--start 2016-01-01]
                      [--out ${DEFAULT_OUT}] [--clean]
  --clean  replace --out if it already holds files (always done for the default folder)`;

function whole(name: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name}: expected a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      editions: { type: "string" },
      pages: { type: "string" },
      articles: { type: "string" },
      seed: { type: "string" },
      start: { type: "string" },
      out: { type: "string" },
      clean: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help || values.editions === undefined) {
    console.log(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }

  const out = path.resolve(values.out ?? DEFAULT_OUT);
  // The default folder is ours, under .tmp; any other folder is only replaced when asked.
  const clean = values.clean ?? out === path.resolve(DEFAULT_OUT);
  const started = performance.now();
  const live = process.stdout.isTTY;
  let lastPrinted = 0;

  const summary = await generateArchive({
    out,
    editions: whole("editions", values.editions)!,
    pages: whole("pages", values.pages),
    articles: whole("articles", values.articles),
    seed: whole("seed", values.seed),
    startDate: values.start,
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

main().catch((error: unknown) => {
  console.error(`synth: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
