// npm run check: validate the content only (no images made, nothing written) and list every problem.
import { exitCodes, parseCommand, runCommand, siteFlags, siteOptions } from "../src/cli/index.ts";
import { checkSite } from "../src/pipeline/check.ts";

const { values } = parseCommand({
  usage: "usage: npm run check -- [--date YYYY-MM-DD …] [--editions DIR] [--site FILE]",
  options: { ...siteFlags, date: { type: "string", multiple: true } },
});
await runCommand(async () => {
  const result = await checkSite({ ...siteOptions(values), dates: values.date });
  for (const line of result.lines) console.log(line);
  return result.errors ? exitCodes.contentErrors : exitCodes.ok;
});
