// Rectangles in fractions of the page: the arithmetic behind proposing and checking article areas.

/** A rectangle [x, y, width, height] in fractions of the page's width and height (the `area` format). */
export type Rect = [number, number, number, number];

export function right(r: Rect): number {
  return r[0] + r[2];
}

export function bottom(r: Rect): number {
  return r[1] + r[3];
}

export function rectArea(r: Rect): number {
  return Math.max(0, r[2]) * Math.max(0, r[3]);
}

/** The smallest rectangle holding all of `rects`; null for none. */
export function unionRect(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const r of rects) {
    x0 = Math.min(x0, r[0]);
    y0 = Math.min(y0, r[1]);
    x1 = Math.max(x1, right(r));
    y1 = Math.max(y1, bottom(r));
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

export function intersectRect(a: Rect, b: Rect): Rect | null {
  const x0 = Math.max(a[0], b[0]);
  const y0 = Math.max(a[1], b[1]);
  const x1 = Math.min(right(a), right(b));
  const y1 = Math.min(bottom(a), bottom(b));
  return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
}

/** Intersection over union, 0 (apart) to 1 (the same rectangle). */
export function iou(a: Rect, b: Rect): number {
  const common = intersectRect(a, b);
  if (!common) return 0;
  const shared = rectArea(common);
  return shared / (rectArea(a) + rectArea(b) - shared);
}

export function containsPoint(r: Rect, x: number, y: number): boolean {
  return x >= r[0] && x <= right(r) && y >= r[1] && y <= bottom(r);
}

export function center(r: Rect): [number, number] {
  return [r[0] + r[2] / 2, r[1] + r[3] / 2];
}

/**
 * The empty space between two rectangles (0 when they touch or overlap), measured in page heights: fractions of
 * the width are scaled by `aspect` (page width / height) so that a gap is the same length across and down.
 */
export function gapBetween(a: Rect, b: Rect, aspect: number): number {
  const dx = Math.max(0, a[0] - right(b), b[0] - right(a)) * aspect;
  const dy = Math.max(0, a[1] - bottom(b), b[1] - bottom(a));
  return Math.hypot(dx, dy);
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000;

/** Grows a rectangle by `pad` on every side, keeps it on the page and rounds its edges to 3 decimals. */
export function finishArea(r: Rect, pad = 0): Rect {
  const x0 = round3(Math.max(0, r[0] - pad));
  const y0 = round3(Math.max(0, r[1] - pad));
  const x1 = round3(Math.min(1, right(r) + pad));
  const y1 = round3(Math.min(1, bottom(r) + pad));
  return [x0, y0, round3(x1 - x0), round3(y1 - y0)];
}
