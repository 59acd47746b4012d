// npm test's first step: the Debian packages the browser tests need, installed when missing (as root) or named.
import { parseCommand, runCommand } from "../src/cli/index.ts";
import { ensureSystemPackages } from "../src/dev/setup.ts";

parseCommand({ usage: "usage: node dist/scripts/test-setup.js   (run by npm test)", options: {} });
await runCommand(
  async () => {
    ensureSystemPackages();
  },
  (reason) => `npm test: ${reason}`,
);
