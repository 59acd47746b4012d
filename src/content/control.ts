// Moved to src/util/control.ts; kept only for src/desk/import/as-text.ts until that file imports it from there.
export { controlCharacters, describeControl, findControl, withoutControls } from "../util/control.ts";
