import { describe, expect, it } from 'vitest';
import { largeEventChars, markLarge } from './marks';

describe('update marks', () => {
  it('marks large tracks events only, and keeps no entry on the timeline', () => {
    const made: string[] = [];
    const recorder = {
      mark: (name: string) => {
        made.push(name);
        return performance.mark(name);
      },
      clearMarks: (name?: string) => performance.clearMarks(name),
    };
    performance.clearMarks('vigia-update');
    markLarge({ data: 'x'.repeat(100) }, recorder);
    markLarge({ data: null }, recorder);
    expect(made).toEqual([]);
    for (let i = 0; i < 3; i++) markLarge({ data: 'x'.repeat(largeEventChars + 1) }, recorder);
    expect(made).toEqual(['vigia-update', 'vigia-update', 'vigia-update']);
    expect(performance.getEntriesByName('vigia-update')).toHaveLength(0);
  });
});
