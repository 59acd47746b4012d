// npm run hotspots -- YYYY-MM-DD --page NN [--editions DIR] [--force] [--dry-run] [--alto file.xml]
// Proposes each article's clickable area on the page from the page PDF (or ALTO OCR) and writes it.
import { parseArgs } from "node:util";
import { formatHotspotsReport, proposePageHotspots } from "../src/desk/hotspots/run.ts";

const usage = "usage: npm run hotspots -- YYYY-MM-DD --page NN [--editions DIR] [--force] [--dry-run] [--alto file.xml]";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      page: { type: "string" },
      editions: { type: "string", default: "editions" },
      force: { type: "boolean", default: false },
      "dry-run": { type: "boolean", default: false },
      alto: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [date] = positionals;
  if (values.help || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !values.page) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const report = await proposePageHotspots({
    editionsRoot: values.editions,
    date,
    page: values.page,
    altoFile: values.alto,
    force: values.force,
    dryRun: values["dry-run"],
  });
  console.log(formatHotspotsReport(report));
  if (report.rows.some((r) => r.status === "kept")) console.log("\nkept existing areas; --force replaces them");
  return report.rows.some((r) => r.status === "no match") ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
