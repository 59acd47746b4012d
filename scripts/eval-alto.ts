// npm run eval:alto -- [folder]: areas from real ALTO OCR (default ../shared/samples/chronam); not part of npm test.
import path from "node:path";
import { parseCommand, runCommand } from "../src/cli/index.ts";
import { evaluateAltoFolder, formatAltoResults } from "../src/dev/eval/alto.ts";
import { projectRoot } from "../src/project.ts";

const { positionals } = parseCommand({
  usage: "usage: npm run eval:alto -- [folder of *.alto.xml files]",
  positionals: true,
  options: {},
});
const folder = positionals[0] ?? path.join(projectRoot, "..", "shared", "samples", "chronam");
await runCommand(async () => console.log(formatAltoResults(evaluateAltoFolder(folder))));
