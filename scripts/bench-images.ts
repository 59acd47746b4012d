// npm run bench:images [-- --reps 3 --samples ../shared/samples]: the image stage against plain sharp, and formats.
import path from "node:path";
import { parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { runImageBench } from "../src/dev/bench/images.ts";
import { projectRoot } from "../src/project.ts";

const { values } = parseCommand({
  usage: "usage: npm run bench:images -- [--reps 3] [--samples ../shared/samples]",
  options: {
    reps: { type: "string", default: "3" },
    samples: { type: "string", default: path.join(projectRoot, "..", "shared", "samples") },
  },
});
await runCommand(() => runImageBench(wholeNumber("reps", values.reps)!, values.samples));
