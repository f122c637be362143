import { describe, expect, it } from 'vitest';
import { visibleWindow } from './virtualWindow';

describe('visibleWindow', () => {
  it('draws the rows in view plus the overscan, with the rest as padding', () => {
    // 2,000 rows of 28 px, a 560 px viewport (20 rows) scrolled to row 100.
    const w = visibleWindow(100 * 28, 560, 28, 2000, 6);
    expect(w).toEqual({ start: 94, end: 127, padTop: 94 * 28, padBottom: (2000 - 127) * 28 });
    // Padding plus drawn rows is the full height, so the scroll bar is the list's.
    expect(w.padTop + (w.end - w.start) * 28 + w.padBottom).toBe(2000 * 28);
  });

  it('starts at the top and stops at the end', () => {
    expect(visibleWindow(0, 560, 28, 2000, 6)).toMatchObject({ start: 0, end: 27, padTop: 0 });
    const end = visibleWindow(1999 * 28 - 560, 560, 28, 2000, 6);
    expect(end.end).toBe(2000);
    expect(end.padBottom).toBe(0);
  });

  it('a part-scrolled row counts as in view', () => {
    // 307–363 px: the last pixel of row 10, rows 11 and 12 (336–364).
    expect(visibleWindow(28 * 10 + 27, 56, 28, 100, 0)).toMatchObject({ start: 10, end: 13 });
  });

  it('draws everything when the list is short', () => {
    expect(visibleWindow(0, 560, 28, 2, 6)).toEqual({ start: 0, end: 2, padTop: 0, padBottom: 0 });
  });

  it('draws nothing for an empty list', () => {
    expect(visibleWindow(300, 560, 28, 0)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });

  it('scrolled past the end of a list that shrank: the last screenful', () => {
    const w = visibleWindow(1500 * 28, 560, 28, 50, 6);
    expect(w.end).toBe(50);
    expect(w.start).toBe(50 - 21 - 6);
  });

  it('a viewport not laid out yet (0 px, a hidden tab) still draws the first rows', () => {
    expect(visibleWindow(0, 0, 28, 2000, 6, 30)).toMatchObject({ start: 0, end: 37 });
    expect(visibleWindow(Number.NaN, Number.NaN, 28, 10)).toMatchObject({ start: 0, end: 10 });
  });
});
