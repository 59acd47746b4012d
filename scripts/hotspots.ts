// npm run hotspots -- YYYY-MM-DD --page NN [--editions DIR] [--force] [--dry-run] [--alto file.xml]
// Proposes each article's clickable area on the page from the page PDF (or ALTO OCR) and writes it.
import { editionDate, fail, parseCommand, runCommand } from "../src/cli/index.ts";
import { formatHotspotsReport, proposePageHotspots } from "../src/desk/hotspots/run.ts";
import { defaultPaths } from "../src/pipeline/options.ts";

const usage =
  "usage: npm run hotspots -- YYYY-MM-DD --page NN [--editions DIR] [--force] [--dry-run] [--alto file.xml]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: {
    page: { type: "string" },
    editions: { type: "string", default: defaultPaths.editions },
    force: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    alto: { type: "string" },
  },
});
if (positionals.length !== 1 || !values.page) fail(usage);
const date = editionDate(positionals[0], usage);
await runCommand(async () => {
  const report = await proposePageHotspots({
    editionsRoot: values.editions,
    date,
    page: values.page!,
    altoFile: values.alto,
    force: values.force,
    dryRun: values["dry-run"],
  });
  console.log(formatHotspotsReport(report));
  if (report.rows.some((r) => r.status === "kept")) console.log("\nkept existing areas; --force replaces them");
  return report.rows.some((r) => r.status === "no match") ? 1 : 0;
});
