// npm run new -- YYYY-MM-DD [--pages 8]: scaffold an edition folder with page folders to fill in.
import { scaffoldEdition } from "../src/content/scaffold.ts";
import { fail, parseArgs } from "./args.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { editions: { type: "string", default: "editions" }, pages: { type: "string", default: "4" }, sections: { type: "string" } },
});
const date = positionals[0];
if (!date) fail("usage: npm run new -- YYYY-MM-DD [--pages 8] [--sections A:4,B:4]");
try {
  const dir = scaffoldEdition(values.editions, date, { pages: Number(values.pages), sections: values.sections });
  console.log(`created ${dir}: put each page's page.pdf or scan in its folder, then run npm run import`);
} catch (err) {
  fail((err as Error).message);
}
