// What `npm run desk` does once its flags are read: ask a running desk to publish now, or watch a hot folder until
// stopped (SIGINT, SIGTERM).
import { UsageError } from "../../cli/index.ts";
import { dateProblem } from "../../content/dates.ts";
import { Desk, type DeskOptions, requestPublish } from "./desk.ts";

export type DeskCommand = { publishNow: string; stateDir: string } | ({ publishNow?: undefined } & DeskOptions);

export async function runDeskCommand(command: DeskCommand): Promise<void> {
  if (command.publishNow !== undefined) {
    const problem = dateProblem(command.publishNow);
    if (problem) throw new UsageError(`--publish-now: ${problem}`);
    requestPublish(command.stateDir, command.publishNow);
    console.log(
      `asked the desk watching with ${command.stateDir} to publish ${command.publishNow}: its status page and log say when it is live`,
    );
    return;
  }
  const desk = new Desk(command);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => desk.stop());
  await desk.run((url) => console.log(`status page: ${url}`));
}
