// Joins items into groups by pairs that belong together (union–find): figures drawn as several shapes, text
// regions that chain into one article, runs of lines. The desk's layout readers all group this way.
export class Groups {
  private readonly parent: number[];

  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, i) => i);
  }

  private root(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  join(a: number, b: number): void {
    this.parent[this.root(a)] = this.root(b);
  }

  /** The groups as lists of item numbers, each in ascending order, in order of their first member. */
  members(): number[][] {
    const groups = new Map<number, number[]>();
    this.parent.forEach((_, i) => {
      const root = this.root(i);
      const group = groups.get(root);
      if (group) group.push(i);
      else groups.set(root, [i]);
    });
    return [...groups.values()];
  }
}
