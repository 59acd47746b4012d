// npm run eval:pages -- <folder of page folders> [--verbose]
// Measures text mode (areas proposed for the publisher's articles) and pdf mode (import from the PDF alone) on
// folders holding page.pdf + articles.json, and prints a table per page and a summary.
import { fail, parseCommand, runCommand } from "../src/cli/index.ts";
import { evaluateFolder } from "../src/dev/eval/pages.ts";

const usage = "usage: npm run eval:pages -- <folder of page folders> [--verbose]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: { verbose: { type: "boolean", short: "v", default: false } },
});
if (positionals.length !== 1) fail(usage);
await runCommand(async () => {
  const { pages } = await evaluateFolder(positionals[0], { verbose: values.verbose, print: (s) => console.log(s) });
  return pages === 0 ? 1 : 0;
});
