// npm run check: validate the content only (no images made, nothing written) and list every problem.
import { prepareSite } from "../src/pipeline/site.ts";
import { formatDiagnostic } from "../src/content/diagnostics.ts";
import { parseArgs, siteFlags, siteOptions } from "./args.ts";

const { values } = parseArgs({ options: { ...siteFlags, date: { type: "string", multiple: true } } });
const site = await prepareSite({ ...siteOptions(values), dates: values.date, images: false });
for (const d of site.diagnostics.items) console.log(formatDiagnostic(d));
const { errors, warnings } = site.diagnostics;
const { editions, pages, articles } = site.data;
console.log(`checked ${editions.length} editions, ${pages.length} pages, ${articles.length} articles: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length ? 1 : 0);
