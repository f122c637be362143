import { describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import { TrackStore } from './store';

const t0 = Date.parse('2026-11-25T18:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function track(id: number, at: number, lon = -102.84, extra: Partial<Track> = {}): Track {
  return { id, status: 'confirmed', time: iso(at), last_update: iso(at), position: { lat: 19.19, lon, h: 400 }, speed_mps: 12, cooperative: false, ...extra };
}

describe('TrackStore', () => {
  it('takes the whole picture from a snapshot', () => {
    const s = new TrackStore();
    s.applySnapshot({ mode: 'live', time: iso(t0), tracks: [track(1, t0), track(2, t0)] }, 5000);
    expect([...s.tracks.keys()]).toEqual([1, 2]);
    expect(s.time).toBe(t0);
    expect(s.trails.get(1)).toHaveLength(1);
  });

  it('updates and removes from tracks events, growing trails', () => {
    const s = new TrackStore();
    s.applySnapshot({ mode: 'live', time: iso(t0), tracks: [track(1, t0), track(2, t0)] }, 0);
    s.applyTracks({ mode: 'live', time: iso(t0 + 1000), updated: [track(1, t0 + 1000, -102.83), track(3, t0 + 1000)], removed: [2] }, 1000);
    expect([...s.tracks.keys()].sort()).toEqual([1, 3]);
    expect(s.tracks.get(1)!.position.lon).toBe(-102.83);
    expect(s.trails.get(1)!.map((p) => p.lon)).toEqual([-102.84, -102.83]);
    expect(s.trails.has(2)).toBe(false);
  });

  it('does not add a trail point for an update that is not newer', () => {
    const s = new TrackStore();
    s.applyTracks({ mode: 'live', time: iso(t0), updated: [track(1, t0)], removed: [] }, 0);
    s.applyTracks({ mode: 'live', time: iso(t0), updated: [track(1, t0)], removed: [] }, 0);
    expect(s.trails.get(1)).toHaveLength(1);
  });

  it('keeps only the last 60 s of trail', () => {
    const s = new TrackStore();
    for (let i = 0; i <= 90; i += 10) s.applyTracks({ mode: 'live', time: iso(t0 + i * 1000), updated: [track(1, t0 + i * 1000)], removed: [] }, i * 1000);
    s.age(90_000);
    const times = s.trails.get(1)!.map((p) => (p.t - t0) / 1000);
    expect(times).toEqual([30, 40, 50, 60, 70, 80, 90]);
  });

  it('ages out a track whose removal was never received, on the live data clock', () => {
    const s = new TrackStore({ staleSeconds: 30 });
    s.applySnapshot({ mode: 'live', time: iso(t0), tracks: [track(1, t0)] }, 100_000);
    // Nothing more arrives: the data clock runs on with the wall clock.
    expect(s.age(100_000 + 29_000)).toBe(false);
    expect(s.tracks.has(1)).toBe(true);
    expect(s.age(100_000 + 31_000)).toBe(true);
    expect(s.tracks.has(1)).toBe(false);
    expect(s.trails.has(1)).toBe(false);
  });

  it('does not age a paused replay (its clock stands still)', () => {
    const s = new TrackStore({ staleSeconds: 30 });
    s.applySnapshot({ mode: 'replay', time: iso(t0), tracks: [track(1, t0)] }, 0);
    s.age(10 * 60_000);
    expect(s.tracks.has(1)).toBe(true);
  });

  it('keeps trails of tracks still present after a reconnect snapshot and drops the others', () => {
    const s = new TrackStore();
    s.applySnapshot({ mode: 'live', time: iso(t0), tracks: [track(1, t0), track(2, t0)] }, 0);
    s.applyTracks({ mode: 'live', time: iso(t0 + 1000), updated: [track(1, t0 + 1000, -102.83)], removed: [] }, 1000);
    s.applySnapshot({ mode: 'live', time: iso(t0 + 5000), tracks: [track(1, t0 + 5000, -102.82)] }, 5000);
    expect(s.trails.get(1)!.map((p) => p.lon)).toEqual([-102.84, -102.83, -102.82]);
    expect(s.trails.has(2)).toBe(false);
    expect(s.tracks.has(2)).toBe(false);
  });

  it('ignores track documents without an id or a usable position, and counts them', () => {
    const s = new TrackStore();
    const broken = [{ id: 7 }, { position: { lat: 1, lon: 2, h: 0 } }, { id: 8, position: { lat: 'x', lon: 2 } }, null] as unknown as Track[];
    s.applyTracks({ mode: 'live', time: iso(t0), updated: [...broken, track(1, t0)], removed: [] }, 0);
    expect([...s.tracks.keys()]).toEqual([1]);
    expect(s.rejected).toBe(4);
  });

  it('survives events with missing arrays', () => {
    const s = new TrackStore();
    s.applyTracks({ mode: 'live', time: iso(t0) } as never, 0);
    s.applySnapshot({ mode: 'live' } as never, 0);
    expect(s.tracks.size).toBe(0);
  });

  it('clears the picture and every trail on a replay seek, and follows the clock back to the target', () => {
    const s = new TrackStore();
    s.mode = 'replay';
    s.applySnapshot({ mode: 'replay', time: iso(t0), tracks: [track(1, t0), track(2, t0)] }, 0);
    for (let i = 1; i <= 5; i++) s.applyTracks({ mode: 'replay', time: iso(t0 + i * 1000), updated: [track(1, t0 + i * 1000, -102.84 + i * 0.001)], removed: [] }, i * 1000);
    expect(s.trails.get(1)).toHaveLength(6);
    const v = s.version;
    const target = t0 - 300_000;
    s.seek(target, 10_000);
    expect(s.tracks.size).toBe(0);
    expect(s.trails.size).toBe(0);
    expect(s.time).toBe(target);
    expect(s.version).toBeGreaterThan(v);
    // The server's removal of the old ids, then the picture from the target (earlier than before).
    s.applyTracks({ mode: 'replay', time: iso(t0 + 5000), updated: [], removed: [1, 2] }, 10_100);
    s.applyTracks({ mode: 'replay', time: iso(target + 1000), updated: [track(1, target + 1000, -103)], removed: [] }, 11_000);
    expect(s.time).toBe(target + 1000);
    expect(s.trails.get(1)!.map((p) => p.lon)).toEqual([-103]);
    // Not aged out against the old, later clock.
    expect(s.age(12_000)).toBe(false);
    expect([...s.tracks.keys()]).toEqual([1]);
  });

  it('starts a replay trail afresh when the same id comes back earlier in time', () => {
    const s = new TrackStore();
    s.mode = 'replay';
    s.applyTracks({ mode: 'replay', time: iso(t0), updated: [track(1, t0, -102.8)], removed: [] }, 0);
    s.applyTracks({ mode: 'replay', time: iso(t0 + 1000), updated: [track(1, t0 + 1000, -102.7)], removed: [] }, 1000);
    s.applyTracks({ mode: 'replay', time: iso(t0 - 60_000), updated: [track(1, t0 - 60_000, -103)], removed: [] }, 2000);
    expect(s.trails.get(1)!.map((p) => p.lon)).toEqual([-103]);
  });
});
