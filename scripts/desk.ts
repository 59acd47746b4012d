// npm run desk -- <hot folder>: watch the folder the typesetting system writes page PDFs into, import, check,
// proof and publish each page as it comes, with a status page on 127.0.0.1. See README "A night with the hot folder".
import { deskCommand } from "../src/desk/hotfolder/command.ts";

await deskCommand(process.argv.slice(2));
