// npm run publish -- YYYY-MM-DD: validate, build and atomically publish one edition into the live site.
import { publishCommand } from "../src/publish/command.ts";

await publishCommand(process.argv.slice(2));
