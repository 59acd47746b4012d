// Moved to src/util/child.ts; kept only for src/desk/import/command.ts until that file imports it from there.
export { runNode, type ChildOptions, type ChildResult, type RunningChild } from "../util/child.ts";
