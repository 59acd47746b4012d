// npm run bench [-- --quick | --editions N]: archive-scale benchmarks P1–P3 (src/bench/suite.ts), written to
// bench-results/bench.json and printed as a table. Never part of npm test.
import { runBenchCommand } from "../src/dev/bench/suite.ts";
import { fail, parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";

const usage = `usage: npm run bench -- [--quick] [--editions N] [--shards-by month|year] [--jobs N]
                     [--bare-files N] [--no-warm-rebuild] [--work DIR] [--keep] [--json FILE] [--desk-only]
  --quick            a smoke test: an archive of 30 editions, fewer repeats
  --editions N       editions in the archive (default 3650, ten years of a daily; this takes hours)
  --bare-files N     markdown files of the bare Eleventy project P3 compares with (default 4000)
  --no-warm-rebuild  rebuild the archive once (images made), not a second time (images cached)
  --work DIR         scratch folder, emptied first (default .tmp/bench); removed at the end unless --keep
  --json FILE        where the results go (default bench-results/bench.json)
  --desk-only        only the hot-folder rows (npm run desk: 24 page PDFs until live, a replaced page until live)
  --search-only      only the search rows: --editions synthetic editions indexed (no pages built), their years
                     merged, tonight's added, the search page timed on a phone (3650: about 10 minutes)`;

const { values } = parseCommand({
  usage,
  options: {
    quick: { type: "boolean", default: false },
    editions: { type: "string" },
    "shards-by": { type: "string", default: "month" },
    jobs: { type: "string" },
    "bare-files": { type: "string", default: "4000" },
    "no-warm-rebuild": { type: "boolean", default: false },
    work: { type: "string", default: ".tmp/bench" },
    keep: { type: "boolean", default: false },
    json: { type: "string", default: "bench-results/bench.json" },
    "desk-only": { type: "boolean", default: false },
    "search-only": { type: "boolean", default: false },
  },
});
const by = values["shards-by"];
if (by !== "month" && by !== "year") fail(`--shards-by: expected month or year, got "${by}"`);

await runCommand(() =>
  runBenchCommand({
    deskOnly: values["desk-only"],
    searchOnly: values["search-only"],
    json: values.json,
    keep: values.keep,
    editions: wholeNumber("editions", values.editions) ?? (values.quick ? 30 : 3650),
    quick: values.quick,
    work: values.work,
    shardsBy: by,
    jobs: wholeNumber("jobs", values.jobs),
    bareFiles: wholeNumber("bare-files", values["bare-files"])!,
    warmRebuild: !values["no-warm-rebuild"],
  }),
);
