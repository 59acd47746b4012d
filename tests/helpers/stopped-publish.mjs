// npm run publish's command (compiled, from dist/) stopped half-way, for tests:
//   node tests/helpers/stopped-publish.mjs fail|hold POINT <publish arguments…>
// "fail" throws at POINT; "hold" prints "holding at POINT" there and waits to be killed.
import { publishCommand } from "../../dist/src/publish/command.js";

const [mode, point, ...args] = process.argv.slice(2);
await publishCommand(args, async (at) => {
  if (at !== point) return;
  if (mode === "fail") throw new Error(`publish stopped at "${point}"`);
  console.log(`holding at ${point}`);
  await new Promise(() => setInterval(() => undefined, 1000));
});
