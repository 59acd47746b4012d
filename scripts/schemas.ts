// npm run schemas: writes the JSON layer's JSON Schemas (docs/schemas/*.json) from the zod schemas in src/opendata.
import fs from "node:fs";
import path from "node:path";
import { parseCommand, runCommand, exitCodes } from "../src/cli/index.ts";
import { jsonSchemaNames, schemaFolder } from "../src/opendata/format.ts";
import { jsonSchemaText } from "../src/opendata/schemas.ts";
import { projectRoot } from "../src/project.ts";

parseCommand({ usage: "usage: npm run schemas", options: {} });
await runCommand(async () => {
  const dir = path.join(projectRoot, schemaFolder);
  fs.mkdirSync(dir, { recursive: true });
  for (const name of jsonSchemaNames) {
    fs.writeFileSync(path.join(dir, `${name}.json`), jsonSchemaText(name));
    console.log(`wrote ${path.join(schemaFolder, `${name}.json`)}`);
  }
  return exitCodes.ok;
});
