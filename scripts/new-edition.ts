// npm run new -- YYYY-MM-DD [--pages 8]: scaffold an edition folder with page folders to fill in.
import { fail, parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { scaffoldEdition } from "../src/content/scaffold.ts";
import { defaultPaths } from "../src/pipeline/options.ts";

const usage = "usage: npm run new -- YYYY-MM-DD [--pages 4] [--sections A:4,B:4] [--editions DIR]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: {
    editions: { type: "string", default: defaultPaths.editions },
    pages: { type: "string", default: "4" },
    sections: { type: "string" },
  },
});
if (positionals.length !== 1) fail(usage);
await runCommand(async () => {
  const dir = scaffoldEdition(values.editions, positionals[0], {
    pages: wholeNumber("pages", values.pages)!,
    sections: values.sections,
  });
  console.log(`created ${dir}: put each page's page.pdf or scan in its folder, then run npm run import`);
});
