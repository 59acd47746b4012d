// npm run search:consolidate -- (--root DIR | --site DIR) [--year YYYY …] [--json]: yearly search segments.
import { consolidateLive } from "../src/publish/consolidate.ts";
import { consolidateSite, segmentStore } from "../src/search/index.ts";
import { formatConsolidate } from "../src/search/consolidate.ts";
import { fail, parseCommand, runCommand } from "../src/cli/index.ts";

const usage = `usage: npm run search:consolidate -- (--root DIR | --site DIR) [--year YYYY …] [--json]
  --root DIR   a publish root: merge the live release's editions (after npm run publish, in the background);
               the next publish's search manifest names the new segments
  --site DIR   a built site (npm run build): merge its editions and write its manifest at once
  --year YYYY  only this year (repeat for more); default every year whose segment is missing or out of date
  --json       print the result as one JSON line`;

const { values } = parseCommand({
  usage,
  options: {
    root: { type: "string" },
    site: { type: "string" },
    year: { type: "string", multiple: true },
    json: { type: "boolean" },
  },
});
if (!values.root === !values.site) fail(`${usage}\n\ngive either --root or --site`);
const years = values.year?.map((y) => (/^\d{4}$/.test(y) ? Number(y) : fail(`--year: expected YYYY, got "${y}"`)));
await runCommand(
  async () => {
    const result = values.root
      ? consolidateLive(values.root, years)
      : consolidateSite(values.site!, segmentStore(values.site!), { years, manifest: true });
    console.log(values.json ? JSON.stringify(result) : formatConsolidate(result));
  },
  (reason) => `search:consolidate failed: ${reason}`,
);
