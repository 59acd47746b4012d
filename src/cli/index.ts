// The one helper every script in scripts/ uses: flags (unknown ones refused with the usage), path defaults,
// whole numbers, JSON output and exit codes — 0 done, 1 failed, 2 the content has errors (each listed above).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { dateProblem } from "../content/dates.ts";
import { ContentError } from "../content/diagnostics.ts";
import { defaultPaths, type SiteOptions } from "../pipeline/options.ts";

export const exitCodes = { ok: 0, failed: 1, contentErrors: 2 } as const;

/** A failure to tell people about: printed as it is, exit code 1, no stack trace. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandSpec<O extends Options> {
  usage: string;
  options: O;
  positionals?: boolean;
}

/** Parses the command line; an unknown flag or a missing value prints what went wrong and the usage. */
export function parseCommand<O extends Options>(spec: CommandSpec<O>, argv: string[] = process.argv.slice(2)) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: "boolean", short: "h" } },
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
    if ((parsed.values as { help?: boolean }).help) {
      console.log(spec.usage);
      process.exit(exitCodes.ok);
    }
    return parsed as { values: ReturnType<typeof parseArgs<{ options: O }>>["values"]; positionals: string[] };
  } catch (err) {
    // parseArgs says which option it did not understand; the usage line says what it expects.
    console.error(`error: ${(err as Error).message}\n${spec.usage}`);
    process.exit(exitCodes.failed);
  }
}

/** Ends the process with a message for people (no stack trace). */
export function fail(message: string, code: number = exitCodes.failed): never {
  console.error(message);
  process.exit(code);
}

/** A flag's whole number above 0, or undefined when the flag was not given. */
export function wholeNumber(
  flag: string,
  value: string | undefined,
  options: { zero?: boolean } = {},
): number | undefined {
  if (value === undefined) return undefined;
  if (!(options.zero ? /^\d+$/ : /^[1-9]\d*$/).test(value)) {
    throw new UsageError(`--${flag}: expected a whole number${options.zero ? "" : " above 0"}, got "${value}"`);
  }
  return Number(value);
}

/** A date given on the command line (an argument or --date), checked as edition folders are: a message and the
 * usage, exit 1, when it is not a real date in the years an edition can have. */
export function editionDate(value: string | undefined, usage: string): string {
  const problem = value === undefined ? "no date given" : dateProblem(value);
  if (problem) fail(`error: ${problem}\n${usage}`);
  return value!;
}

/** The flags of every command that builds a site, with their defaults. */
export const siteFlags = {
  editions: { type: "string", default: defaultPaths.editions },
  site: { type: "string", default: defaultPaths.site },
  out: { type: "string", default: defaultPaths.out },
  cache: { type: "string", default: defaultPaths.cache },
} as const;

export function siteOptions(values: { editions?: string; site?: string; out?: string; cache?: string }): SiteOptions {
  return {
    editionsDir: values.editions ?? defaultPaths.editions,
    siteFile: values.site ?? defaultPaths.site,
    outDir: values.out ?? defaultPaths.out,
    cacheDir: values.cache ?? defaultPaths.cache,
  };
}

/** Prints a result: as one JSON line for a parent process (--json), or as text for people. */
export function report(json: boolean | undefined, result: unknown, text: () => string): void {
  console.log(json ? JSON.stringify(result) : text());
}

/**
 * Runs a command's body and turns what it throws into a message and an exit code: content errors (listed
 * as they were found) exit 2 with `failed` naming what did not happen; anything else prints its message, exit 1.
 */
export async function runCommand(
  main: () => Promise<number | void>,
  failed: (reason: string) => string = (r) => r,
): Promise<never> {
  try {
    process.exit((await main()) ?? exitCodes.ok);
  } catch (err) {
    if (err instanceof ContentError) {
      const count = err.diagnostics.filter((d) => d.level === "error").length;
      fail(failed(`${count} error${count === 1 ? "" : "s"} (listed above)`), exitCodes.contentErrors);
    }
    const message = err instanceof Error ? err.message : String(err);
    // A bug's stack helps its finder; a night editor gets the message only.
    if (process.env.BANMIAN_DEBUG && err instanceof Error) console.error(err.stack);
    fail(failed(message));
  }
}
