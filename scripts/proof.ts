// npm run proof -- YYYY-MM-DD: the proof sheet of one night's edition (npm run check -- --proof for the date).
import { exitCodes, parseCommand, runCommand, siteFlags, siteOptions, UsageError } from "../src/cli/index.ts";
import { dateProblem } from "../src/content/dates.ts";
import { writeProof } from "../src/desk/proof/index.ts";

const { values, positionals } = parseCommand({
  usage:
    "usage: npm run proof -- YYYY-MM-DD [YYYY-MM-DD …] [--out proof-YYYY-MM-DD.html] [--editions DIR] [--site FILE]",
  options: { ...siteFlags, out: { type: "string" } },
  positionals: true,
});
await runCommand(async () => {
  if (!positionals.length)
    throw new UsageError("npm run proof: which edition? give its date, e.g. npm run proof -- 2022-09-02");
  const bad = positionals.map(dateProblem).find(Boolean);
  if (bad) throw new UsageError(`npm run proof: ${bad}`);
  const out = values.out ?? `proof-${positionals.join("_")}.html`;
  const { check } = await writeProof({ ...siteOptions({ ...values, out: undefined }), dates: positionals }, out);
  for (const line of check.lines) console.log(line);
  console.log(`proof: ${out}`);
  return check.errors ? exitCodes.contentErrors : exitCodes.ok;
});
