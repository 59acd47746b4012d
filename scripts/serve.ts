// npm start: build the newest editions and serve them with live reload while editions/ changes.
import { parseCommand, runCommand, siteFlags, siteOptions, wholeNumber } from "../src/cli/index.ts";
import { serveSite } from "../src/preview/serve.ts";

const { values } = parseCommand({
  usage: `usage: npm start -- [--port 8080] [--recent 30] [--editions DIR] [--site FILE] [--out DIR] [--cache DIR]
  --port N     listen on 127.0.0.1:N (default 8080; 0 takes any free port, the URL printed says which)
  --recent N   serve the newest N editions (default 30; 0 serves every edition)`,
  options: { ...siteFlags, port: { type: "string", default: "8080" }, recent: { type: "string", default: "30" } },
});
await runCommand(
  async () => {
    const port = wholeNumber("port", values.port, { zero: true })!;
    const recent = wholeNumber("recent", values.recent, { zero: true })!;
    await serveSite({ ...siteOptions(values), port, recent });
    await new Promise(() => undefined);
  },
  (reason) => `npm start: ${reason}; fix them, then run npm start again`,
);
