// Command line: turns a print-system text dump into a page's article files. See README "Commands".
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { decodeDump } from "../src/desk/import/decode.ts";
import { importDump } from "../src/desk/import/import-page.ts";
import { formatWarning, ImportError } from "../src/desk/import/problems.ts";
import { articleTable } from "../src/desk/import/table.ts";
import { pageFolder, planPage, writePage } from "../src/desk/import/write-page.ts";

const USAGE =
  "usage: npm run import -- <dump> --date YYYY-MM-DD --page NN " +
  "[--section 综合] [--photos a.png,b.png] [--force] [--editions DIR]";

function run(argv: string[]): number {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: "string" },
        page: { type: "string" },
        section: { type: "string" },
        photos: { type: "string" },
        force: { type: "boolean", default: false },
        editions: { type: "string", default: "editions" },
      },
    });
  } catch (error) {
    // parseArgs says which option it did not understand; the usage line says what it expects.
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = args;
  const missing = [positionals.length !== 1 && "one dump file", !values.date && "--date", !values.page && "--page"];
  if (missing.some(Boolean)) {
    console.error(`error: missing ${missing.filter(Boolean).join(", ")}\n${USAGE}`);
    return 1;
  }
  const dump = positionals[0];
  const source = path.relative(process.cwd(), dump) || dump;

  let bytes: Buffer;
  try {
    bytes = readFileSync(dump);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code;
    console.error(`error: ${source}: cannot be read (${why}); check the dump's path`);
    return 1;
  }

  try {
    const { text, encoding } = decodeDump(bytes, source);
    const photos = values.photos?.split(/[,，]/u).map((name) => name.trim()).filter(Boolean);
    const page = importDump(text, { source, photos });
    const target = { editions: values.editions!, date: values.date!, page: values.page! };
    // The table comes before the checks on the page folder, so an editor sees what was read even when it stops there.
    console.log(`${source} (${encoding}): ${page.articles.length} articles for ${pageFolder(target)}\n`);
    console.log(articleTable(page.articles));
    const warnings = page.warnings.map((w) => formatWarning(source, w));
    if (warnings.length) console.log(`\nwarnings:\n${warnings.map((w) => `  ! ${w}`).join("\n")}`);

    const plan = planPage(page.articles, { ...target, section: values.section, force: values.force });
    if (plan.notes.length) {
      console.log(`${warnings.length ? "" : "\nwarnings:\n"}${plan.notes.map((note) => `  ! ${note}`).join("\n")}`);
    }
    writePage(plan);
    console.log("");
    for (const file of plan.removes) console.log(`removed  ${file}`);
    for (const { path: file, replaces } of plan.writes) console.log(`${replaces ? "replaced" : "wrote"}  ${file}`);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = run(process.argv.slice(2));
