// npm run bench:import [-- --pages 24 --reps 3 --samples DIR,DIR]: a folder of real page PDFs imported, timed.
import path from "node:path";
import { parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { formatImportBench, runImportBench } from "../src/dev/bench/import.ts";
import { projectRoot } from "../src/project.ts";

const samples = path.join(projectRoot, "..", "shared", "samples");
const { values } = parseCommand({
  usage: "usage: npm run bench:import -- [--pages 24] [--reps 3] [--jobs N] [--samples DIR,DIR]",
  options: {
    pages: { type: "string", default: "24" },
    reps: { type: "string", default: "3" },
    jobs: { type: "string" },
    samples: { type: "string", default: [path.join(samples, "world"), path.join(samples, "rmrb")].join(",") },
  },
});
await runCommand(async () => {
  const result = await runImportBench({
    sources: values.samples.split(","),
    pages: wholeNumber("pages", values.pages)!,
    reps: wholeNumber("reps", values.reps)!,
    jobs: wholeNumber("jobs", values.jobs),
  });
  console.log(formatImportBench(result));
  return result.failed ? 1 : 0;
});
