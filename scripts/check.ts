// npm run check: validate the content only (no images made, nothing written) and list every problem;
// with --proof [file.html] also draw what it found as a proof sheet (src/desk/proof).
import { exitCodes, parseCommand, runCommand, siteFlags, siteOptions, UsageError } from "../src/cli/index.ts";
import { dateProblem } from "../src/content/dates.ts";
import { checkSite } from "../src/pipeline/check.ts";
import { writeProof } from "../src/desk/proof/index.ts";

const { values, positionals } = parseCommand({
  usage: "usage: npm run check -- [--date YYYY-MM-DD …] [--proof [proof.html]] [--editions DIR] [--site FILE]",
  options: { ...siteFlags, date: { type: "string", multiple: true }, proof: { type: "boolean" } },
  positionals: true,
});
await runCommand(async () => {
  if (positionals.length > (values.proof ? 1 : 0))
    throw new UsageError(`unexpected argument "${positionals.at(-1)}": only --proof takes a file name`);
  for (const date of values.date ?? []) {
    const problem = dateProblem(date);
    if (problem) throw new UsageError(`--date: ${problem}`);
  }
  const options = { ...siteOptions(values), dates: values.date };
  const result = values.proof
    ? (await writeProof(options, positionals[0] ?? "proof.html")).check
    : await checkSite(options);
  for (const line of result.lines) console.log(line);
  if (values.proof) console.log(`proof: ${positionals[0] ?? "proof.html"}`);
  return result.errors ? exitCodes.contentErrors : exitCodes.ok;
});
