/** The rows of a fixed-row-height list that a scrolled viewport shows, plus some overscan either side. */
export interface RowWindow {
  /** First row drawn (index into the full list). */
  start: number;
  /** One past the last row drawn. */
  end: number;
  /** Height of the empty space above the drawn rows (px). */
  padTop: number;
  /** Height of the empty space below them (px). */
  padBottom: number;
}

/**
 * The window of rows to draw: those intersecting [scrollTop, scrollTop + viewport) with `overscan` rows
 * more on each side, clamped to the list. A viewport of 0 (not laid out yet, a hidden panel) still draws
 * `minRows` rows so the list is not empty when it first appears.
 */
export function visibleWindow(scrollTop: number, viewport: number, rowHeight: number, total: number, overscan = 6, minRows = 30): RowWindow {
  const n = Math.max(0, Math.floor(total));
  if (n === 0 || !(rowHeight > 0)) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const top = Number.isFinite(scrollTop) ? Math.max(0, scrollTop) : 0;
  const height = Number.isFinite(viewport) && viewport > 0 ? viewport : minRows * rowHeight;
  let first = Math.floor(top / rowHeight);
  // Scrolled past the end (the list shrank under the scroll position): show its last screenful.
  const visible = Math.ceil(height / rowHeight) + 1;
  if (first > n - 1) first = Math.max(0, n - visible);
  const start = Math.max(0, first - overscan);
  const end = Math.min(n, first + visible + overscan);
  return { start, end, padTop: start * rowHeight, padBottom: (n - end) * rowHeight };
}
