/** Above this many characters a `tracks` event counts as one of the benchmark's updates. */
export const largeEventChars = 20_000;

/**
 * Marks a large `tracks` event (the browser benchmark's update marks: user timing, nothing else). The benchmark
 * reads them from the performance trace, where a mark is recorded as it is made; the entry itself is cleared at
 * once, or the worker's timeline would keep one a second (some 86,000 a day).
 */
export function markLarge(ev: { data: unknown }, perf: Pick<Performance, 'mark' | 'clearMarks'> = performance): void {
  if (typeof ev.data === 'string' && ev.data.length > largeEventChars) {
    perf.mark('vigia-update');
    perf.clearMarks('vigia-update');
  }
}
