import type { Track } from '../api/types';

// The track list's filter and sort, pure (no DOM): the picture worker runs it, the tests run it in Node.

export type SortKey = 'id' | 'speed' | 'altitude' | 'age';
export type Cooperation = 'all' | 'cooperative' | 'unknown';

export interface ListQuery {
  sort: SortKey;
  descending: boolean;
  cooperation: Cooperation;
  text: string;
}

/** Age of a track's last update at data time `now` (s). */
export function ageOf(track: Track, now: number): number {
  const last = Date.parse(track.last_update ?? track.time);
  return Number.isFinite(last) && Number.isFinite(now) ? Math.max(0, (now - last) / 1000) : Number.NaN;
}

/** Filters and sorts the tracks as the list shows them. */
export function queryTracks(tracks: Iterable<Track>, q: ListQuery, now: number): Track[] {
  const text = q.text.trim().toLowerCase();
  const rows = [...tracks].filter((tr) => {
    if (q.cooperation === 'cooperative' && tr.cooperative !== true) return false;
    if (q.cooperation === 'unknown' && tr.cooperative === true) return false;
    if (text && !String(tr.id).includes(text) && !(tr.uas_id ?? '').toLowerCase().includes(text) && !(tr.operator_id ?? '').toLowerCase().includes(text)) return false;
    return true;
  });
  const value = (tr: Track): number => {
    switch (q.sort) {
      case 'id':
        return tr.id;
      case 'speed':
        return tr.speed_mps ?? Number.NEGATIVE_INFINITY;
      case 'altitude':
        return Number.isFinite(tr.position.h) ? tr.position.h : Number.NEGATIVE_INFINITY;
      case 'age':
        return ageOf(tr, now);
    }
  };
  // Each key computed once (not per comparison: the age parses a date).
  const keyed = rows.map((tr) => ({ tr, v: value(tr) }));
  const sign = q.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const d = Number.isNaN(a.v) || Number.isNaN(b.v) ? 0 : a.v - b.v;
    return d !== 0 ? sign * d : a.tr.id - b.tr.id;
  });
  for (let i = 0; i < keyed.length; i++) rows[i] = keyed[i]!.tr;
  return rows;
}

