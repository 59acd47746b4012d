// Moved to src/util/pool.ts; kept only for src/desk/import/command.ts until that file imports it from there.
export { runPool } from "../util/pool.ts";
