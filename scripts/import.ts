// Command line: a print-system text dump or a page PDF (or a folder of them) into a page's article files.
// See README "Commands" and src/desk/import/command.ts.
import { parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { importUsage, runImport } from "../src/desk/import/command.ts";
import { defaultPaths } from "../src/pipeline/options.ts";

const { values, positionals } = parseCommand({
  usage: importUsage,
  positionals: true,
  options: {
    date: { type: "string" },
    page: { type: "string" },
    section: { type: "string" },
    photos: { type: "string" },
    pdf: { type: "string" },
    locale: { type: "string" },
    pattern: { type: "string" },
    jobs: { type: "string" },
    "page-seconds": { type: "string" },
    "keep-punctuation": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    editions: { type: "string", default: defaultPaths.editions },
    json: { type: "boolean", default: false },
  },
});

await runCommand(() =>
  runImport(positionals, {
    ...values,
    editions: values.editions!,
    jobs: wholeNumber("jobs", values.jobs),
    pageSeconds: wholeNumber("page-seconds", values["page-seconds"]),
    keepPunctuation: values["keep-punctuation"],
  }),
);
