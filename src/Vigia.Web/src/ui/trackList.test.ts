import { describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import { ageOf, queryTracks, type ListQuery } from './trackList';

const now = Date.parse('2026-11-25T18:01:00Z');
const tr = (id: number, speed: number, h: number, ageS: number, cooperative: boolean, uas?: string): Track => ({
  id, status: 'confirmed', time: new Date(now - ageS * 1000).toISOString(), last_update: new Date(now - ageS * 1000).toISOString(),
  position: { lat: 19, lon: -102, h }, speed_mps: speed, cooperative, uas_id: uas ?? null,
});
const tracks = [tr(3, 5, 100, 2, true, 'ABC123'), tr(1, 15, 300, 1, false), tr(2, 10, 200, 9, false)];
const q = (p: Partial<ListQuery>): ListQuery => ({ sort: 'id', descending: false, cooperation: 'all', text: '', ...p });

describe('queryTracks', () => {
  it('sorts by id, speed, altitude and age', () => {
    expect(queryTracks(tracks, q({}), now).map((t) => t.id)).toEqual([1, 2, 3]);
    expect(queryTracks(tracks, q({ sort: 'speed', descending: true }), now).map((t) => t.id)).toEqual([1, 2, 3]);
    expect(queryTracks(tracks, q({ sort: 'altitude' }), now).map((t) => t.id)).toEqual([3, 2, 1]);
    expect(queryTracks(tracks, q({ sort: 'age', descending: true }), now).map((t) => t.id)).toEqual([2, 3, 1]);
  });

  it('filters cooperative, unknown and by text (id or UAS ID)', () => {
    expect(queryTracks(tracks, q({ cooperation: 'cooperative' }), now).map((t) => t.id)).toEqual([3]);
    expect(queryTracks(tracks, q({ cooperation: 'unknown' }), now).map((t) => t.id)).toEqual([1, 2]);
    expect(queryTracks(tracks, q({ text: 'abc' }), now).map((t) => t.id)).toEqual([3]);
    expect(queryTracks(tracks, q({ text: '2' }), now).map((t) => t.id)).toEqual([2, 3]);
  });

  it('filters by operator ID too', () => {
    const withOperator = [...tracks, { ...tr(4, 1, 50, 1, true, 'XYZ'), operator_id: 'MEX-OP-77' }];
    expect(queryTracks(withOperator, q({ text: 'op-77' }), now).map((t) => t.id)).toEqual([4]);
  });

  it('ages from the last update', () => {
    expect(ageOf(tracks[2]!, now)).toBe(9);
  });
});
