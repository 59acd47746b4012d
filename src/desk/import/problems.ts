// Errors and warnings the importer reports to a night editor, each naming the dump and, where known, the line.

/** What the command line got wrong (a missing flag, a date or page label that cannot be): said with the usage,
 * exit 1, as every script says a bad flag. */
export class UsageProblem extends Error {}

/** Something in the input (or the page folder it goes to) that stops the import: nothing is written, and the
 * command exits 2, as every script does for content at fault. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ""}: ${detail}`);
    this.name = "ImportError";
  }
}

/** Something the editor should look at; the import goes on. */
export interface ImportWarning {
  line?: number;
  message: string;
}

export function formatWarning(file: string, warning: ImportWarning): string {
  return `${file}${warning.line ? `:${warning.line}` : ""}: ${warning.message}`;
}

/** A short quote of a text for messages, so the editor can find it in the dump. */
export function quote(text: string, max = 24): string {
  const chars = Array.from(text);
  return `«${chars.length > max ? `${chars.slice(0, max).join("")}…` : text}»`;
}
