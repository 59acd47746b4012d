// npm run synth -- --editions N [--pages P --articles A --seed S --out DIR --start YYYY-MM-DD --clean]: a synthetic archive.
import { fail, parseCommand, runCommand, wholeNumber } from "../src/cli/index.ts";
import { defaultSynthOut, synthCommand } from "../src/dev/synth/command.ts";

const usage = `usage: npm run synth -- --editions N [--pages 8] [--articles 60] [--seed 1] [--start 2016-01-01]
                      [--out ${defaultSynthOut}] [--clean]
  --clean  replace --out if it already holds files (always done for the default folder)`;
const { values } = parseCommand({
  usage,
  options: {
    editions: { type: "string" },
    pages: { type: "string" },
    articles: { type: "string" },
    seed: { type: "string" },
    start: { type: "string" },
    out: { type: "string" },
    clean: { type: "boolean" },
  },
});
if (values.editions === undefined) fail(usage);
await runCommand(
  () =>
    synthCommand({
      editions: wholeNumber("editions", values.editions, { zero: true })!,
      pages: wholeNumber("pages", values.pages, { zero: true }),
      articles: wholeNumber("articles", values.articles, { zero: true }),
      seed: wholeNumber("seed", values.seed, { zero: true }),
      start: values.start,
      out: values.out,
      clean: values.clean,
    }),
  (reason) => `synth: ${reason}`,
);
