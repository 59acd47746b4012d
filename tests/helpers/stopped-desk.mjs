// npm run desk's command (compiled, from dist/) held at a point of its way, for the crash tests:
//   node tests/helpers/stopped-desk.mjs POINT <desk arguments…>
// At POINT (desk:apply, or a publish's build, swap…) it prints "holding at POINT" and waits to be killed.
import { deskCommand } from "../../dist/src/desk/hotfolder/command.js";

const [point, ...args] = process.argv.slice(2);
await deskCommand(args, async (at) => {
  if (at !== point) return;
  console.log(`holding at ${point}`);
  await new Promise(() => setInterval(() => undefined, 1000));
});
