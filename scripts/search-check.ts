// npm run search:check -- <site dir> [query]: a query through the real search page in Chromium on a built or
// published site; prints what it found and how long the page took.
import { fail, parseCommand, runCommand } from "../src/cli/index.ts";
import { searchCheck } from "../src/dev/audit/search-check.ts";

const usage =
  "usage: npm run search:check -- <site dir> [query]   (default query: the synthetic archive's marker 档案测试甲)";
const { positionals } = parseCommand({ usage, positionals: true, options: {} });
if (positionals.length < 1 || positionals.length > 2) fail(usage);
await runCommand(() => searchCheck(positionals[0], positionals[1] ?? "档案测试甲"));
