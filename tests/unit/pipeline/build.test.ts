// What a change to some editions asks the build to rebuild (src/pipeline/build.ts).
import { describe, expect, it } from "vitest";
import { affectedEditions } from "../../../src/pipeline/build.ts";

const dates = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-05", "2024-01-08"];

describe("affectedEditions", () => {
  it("takes the changed edition, its neighbours and the newest", () => {
    expect([...affectedEditions(["2024-01-02"], dates)].sort()).toEqual([
      "2024-01-01",
      "2024-01-02",
      "2024-01-03",
      "2024-01-08",
    ]);
  });
  it("takes only the newest for the newest, and ignores a date that is not an edition", () => {
    expect([...affectedEditions(["2024-01-08"], dates)].sort()).toEqual(["2024-01-05", "2024-01-08"]);
    expect([...affectedEditions(["2023-12-31"], dates)]).toEqual(["2023-12-31", "2024-01-08"]);
  });
});
