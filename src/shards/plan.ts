// Splits the archive into shards — a month (2016-03) or a year (2016) of editions — that build independently.

export type ShardBy = "month" | "year";

export interface Shard {
  /** "2016-03" or "2016": also the name of its part of the archive index */
  id: string;
  dates: string[];
}

const shardIdPattern = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

export function isShardId(id: string): boolean {
  return shardIdPattern.test(id);
}

export function shardOf(date: string, by: ShardBy): string {
  return by === "year" ? date.slice(0, 4) : date.slice(0, 7);
}

/** The editions a shard id covers: a year shard holds every month of its year. */
export function datesInShard(allDates: string[], id: string): string[] {
  if (!isShardId(id)) throw new Error(`shard "${id}": expected a year (2016) or a month (2016-03)`);
  return allDates.filter((d) => d.startsWith(`${id}-`));
}

/** Every shard of the archive, oldest first; shards without editions do not exist. */
export function planShards(allDates: string[], by: ShardBy): Shard[] {
  const shards = new Map<string, string[]>();
  for (const date of allDates) {
    const id = shardOf(date, by);
    if (!shards.has(id)) shards.set(id, []);
    shards.get(id)!.push(date);
  }
  return [...shards.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, dates]) => ({ id, dates }));
}

/** The named shards, checked: each must hold editions, and no two may overlap (2016 and 2016-03). */
export function selectShards(allDates: string[], ids: string[]): Shard[] {
  const shards = [...new Set(ids)].sort().map((id) => ({ id, dates: datesInShard(allDates, id) }));
  for (const shard of shards) {
    if (!shard.dates.length)
      throw new Error(`shard ${shard.id}: no editions in that ${shard.id.length === 4 ? "year" : "month"}`);
  }
  for (const a of shards) {
    const overlap = shards.find((b) => b !== a && b.id.startsWith(`${a.id}-`));
    if (overlap) throw new Error(`shards ${a.id} and ${overlap.id} overlap: name the year or its months, not both`);
  }
  return shards;
}
