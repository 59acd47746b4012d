// npm run eval:pages -- <folder of page folders>… [--verbose] [--markdown EVAL.md]
// Measures the import on real pages: folders of page.pdf + articles.json (the publisher's text: text mode and pdf
// mode) and truth folders (page.pdf + truth.json, the truth's measures). Prints a table per page and a summary per
// set; with --markdown, also writes them as one markdown file (EVAL.md), a section per set.
import fs from "node:fs";
import { fail, parseCommand, runCommand } from "../src/cli/index.ts";
import { evaluateFolder } from "../src/dev/eval/pages.ts";

const usage = "usage: npm run eval:pages -- <folder of page folders>… [--verbose] [--markdown EVAL.md]";
const { values, positionals } = parseCommand({
  usage,
  positionals: true,
  options: { verbose: { type: "boolean", short: "v", default: false }, markdown: { type: "string" } },
});
if (positionals.length === 0) fail(usage);
await runCommand(async () => {
  const sections: string[] = [];
  let empty = 0;
  for (const folder of positionals) {
    const printed: string[] = [];
    const { pages } = await evaluateFolder(folder, {
      verbose: values.verbose,
      print: (s) => {
        console.log(s);
        printed.push(s);
      },
    });
    if (pages === 0) empty++;
    sections.push(`## ${folder}\n\n\`\`\`\n${printed.join("\n")}\n\`\`\``);
  }
  if (values.markdown) {
    const command = `npm run eval:pages -- ${positionals.join(" ")} --markdown ${values.markdown}`;
    // The file's history (written by hand, summary rows of earlier code) is kept below the new tables.
    const before = fs.existsSync(values.markdown) ? fs.readFileSync(values.markdown, "utf8") : "";
    const history = before.includes("\n## History") ? before.slice(before.indexOf("\n## History")) : "";
    fs.writeFileSync(
      values.markdown,
      `# Import measured on real pages\n\nMade by \`${command}\`.\n\n${sections.join("\n\n")}\n${history}`,
    );
  }
  return empty ? 1 : 0;
});
