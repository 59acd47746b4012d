// What is not prose: puzzles (crossword and sudoku grids, their solutions) and tables (results, listings, stock
// tables) are found by their geometry — many short cells on shared rows and columns — before the text is read as
// paragraphs. A table is kept as a table; a puzzle is left out and said in the import report.
import { Groups } from "../groups.ts";
import { union, type Box } from "./boxes.ts";
import type { TextLine } from "./read.ts";
import type { LayoutRules } from "./rules.ts";

export interface Grid {
  box: Box;
  /** The cells' lines and the title printed right above the grid, if any. */
  lines: TextLine[];
  /** A puzzle (cells of a letter or two) is left out; a table (cells of words and numbers) is kept as rows. */
  puzzle: boolean;
  /** The table's rows, left to right (empty for a puzzle). */
  rows: string[][];
  title?: string;
}

const visible = (l: TextLine) => Array.from(l.text.replace(/\s/gu, "")).length;
const middle = (b: Box): [number, number] => [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];

/** Groups values that lie within `tolerance` of their neighbour: the rows (or columns) cells share. */
function bands(values: number[], tolerance: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  let count = sorted.length ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] - sorted[i - 1] > tolerance) count++;
  return count;
}

/** Cells that touch (a few of their sizes down, more across: a name and its numbers) are one cluster. */
function clusters(cells: TextLine[], rules: LayoutRules): TextLine[][] {
  const sorted = [...cells].sort((a, b) => a.box[0] - b.box[0]);
  const groups = new Groups(sorted.length);
  for (let a = 0; a < sorted.length; a++) {
    const one = sorted[a];
    const across = rules.cellReachAcross * one.size;
    const down = rules.cellReachDown * one.size;
    for (let b = a + 1; b < sorted.length && sorted[b].box[0] <= one.box[2] + across; b++) {
      const other = sorted[b];
      if (other.box[1] <= one.box[3] + down && one.box[1] <= other.box[3] + down) groups.join(a, b);
    }
  }
  return groups.members().map((members) => members.map((i) => sorted[i]));
}

/** The cluster's cells as rows of text, each row left to right; middles within `align` of their sizes share a row. */
function tableRows(cells: TextLine[], align: number): string[][] {
  const rows: TextLine[][] = [];
  for (const cell of [...cells].sort((a, b) => middle(a.box)[1] - middle(b.box)[1])) {
    const row = rows.at(-1);
    if (row && Math.abs(middle(row[0].box)[1] - middle(cell.box)[1]) < align * cell.size) row.push(cell);
    else rows.push([cell]);
  }
  return rows.map((row) => row.sort((a, b) => a.box[0] - b.box[0]).map((c) => c.text.trim()));
}

/**
 * Finds the page's grids among its lines. Candidates are short pieces of text (a cell: a letter, a number, a few
 * words); a cluster of them spread over several rows and columns is a grid. Cells of one or two characters make a
 * puzzle; others a table.
 */
export function findGrids(lines: readonly TextLine[], rules: LayoutRules): Grid[] {
  const cells = lines.filter(
    (l) =>
      visible(l) > 0 &&
      (visible(l) <= rules.maxCellChars || (l.text.length <= rules.maxNumberCellChars && /\d/u.test(l.text))),
  );
  const grids: Grid[] = [];
  for (const cluster of clusters(cells, rules)) {
    if (cluster.length < rules.minGridCells) continue;
    const size = Math.min(...cluster.map((c) => c.size));
    const columns = bands(
      cluster.map((c) => middle(c.box)[0]),
      rules.alignTolerance * size,
    );
    // Rows holding two cells or more side by side: a line of prose stands alone on its row.
    const shared = tableRows(cluster, rules.alignTolerance).filter((row) => row.length >= 2).length;
    const chars = cluster.map(visible).sort((a, b) => a - b)[Math.floor(cluster.length / 2)];
    if (shared < rules.minGridRows || columns < rules.minGridColumns || chars > rules.maxMedianCellChars) continue;
    const cells = union(cluster.map((c) => c.box));
    // Lines on the grid's rows belong to it too: inside its bounds (a longer word), or beside it on a row of its
    // own (a team's or a share's name before its numbers).
    const onRow = (l: TextLine) =>
      cluster.some(
        (c) =>
          Math.abs(middle(c.box)[1] - middle(l.box)[1]) < rules.alignTolerance * c.size &&
          c.font === l.font &&
          Math.abs(c.size - l.size) <= rules.sameSizeTolerance * c.size,
      );
    const within = lines.filter(
      (l) =>
        !cluster.includes(l) &&
        middle(l.box)[1] >= cells[1] &&
        middle(l.box)[1] <= cells[3] &&
        ((middle(l.box)[0] >= cells[0] && middle(l.box)[0] <= cells[2]) ||
          (onRow(l) &&
            l.box[2] >= cells[0] - rules.rowLabelReach * size &&
            l.box[0] <= cells[2] + rules.rowLabelReach * size &&
            visible(l) <= rules.maxRowLabelChars)),
    );
    const members = [...cluster, ...within];
    const box = union(members.map((c) => c.box));
    // A puzzle's cells are single letters (a crossword and its solution) or a square of single digits (a sudoku);
    // a table's are words and numbers.
    const letters = members.filter((c) => /^\p{L}$/u.test(c.text.trim())).length;
    const digits = members.filter((c) => /^\d$/u.test(c.text.trim())).length;
    const puzzle =
      letters >= rules.puzzleLetterShare * members.length ||
      (digits >= rules.sudokuDigitShare * members.length && columns >= rules.sudokuColumns);
    // The grid's title: one line right above it, no wider than it.
    const title = lines
      .filter(
        (l) =>
          !members.includes(l) &&
          l.box[3] <= box[1] + 1 &&
          box[1] - l.box[3] < rules.gridTitleReach * l.size &&
          Math.abs(l.box[0] - box[0]) <= rules.gridTitleAlign * size &&
          l.box[2] - l.box[0] <= rules.gridTitleWidth * (box[2] - box[0]),
      )
      .sort((a, b) => b.box[3] - a.box[3])[0];
    grids.push({
      box: title ? union([box, title.box]) : box,
      lines: title ? [...members, title] : members,
      puzzle,
      rows: puzzle ? [] : tableRows(members, rules.alignTolerance),
      title: title?.text.trim(),
    });
  }
  return grids;
}

/** A table as markdown: the first row is the header; a printed "|" in a cell is escaped. */
export function markdownTable(rows: readonly string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const cell = (text: string | undefined) => (text ?? "").replace(/\|/gu, "\\|");
  const line = (row: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(row[i])).join(" | ")} |`;
  return [line(rows[0]), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
}
