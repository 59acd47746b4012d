// Shard planning: months or years of editions, checked ids, no overlaps.
import { describe, expect, it } from "vitest";
import { datesInShard, isShardId, planShards, selectShards, shardOf } from "../../../src/shards/plan.ts";

const dates = ["2015-12-30", "2015-12-31", "2016-01-01", "2016-03-02", "2016-03-03"];

describe("shards", () => {
  it("plans month and year shards, oldest first, none without editions", () => {
    expect(planShards(dates, "month").map((s) => [s.id, s.dates.length])).toEqual([
      ["2015-12", 2],
      ["2016-01", 1],
      ["2016-03", 2],
    ]);
    expect(planShards(dates, "year").map((s) => [s.id, s.dates.length])).toEqual([
      ["2015", 2],
      ["2016", 3],
    ]);
    expect(shardOf("2016-03-02", "month")).toBe("2016-03");
  });

  it("checks ids and refuses empty or overlapping shards", () => {
    expect([isShardId("2016"), isShardId("2016-03"), isShardId("2016-13"), isShardId("16-03")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(() => datesInShard(dates, "2016-3")).toThrow('shard "2016-3": expected a year (2016) or a month (2016-03)');
    expect(() => selectShards(dates, ["2016-02"])).toThrow("shard 2016-02: no editions in that month");
    expect(() => selectShards(dates, ["2016", "2016-03"])).toThrow("shards 2016 and 2016-03 overlap");
    expect(selectShards(dates, ["2016-03", "2015"]).map((s) => s.id)).toEqual(["2015", "2016-03"]);
  });
});
