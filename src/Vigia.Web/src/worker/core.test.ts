import { describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import { PictureCore, defaultView, listOverscan } from './core';
import { transferables, type Frame, type View } from './protocol';

const t0 = Date.parse('2026-11-25T18:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function track(id: number, at: number, extra: Partial<Track> = {}): Track {
  return { id, status: 'confirmed', time: iso(at), last_update: iso(at), position: { lat: 19.19, lon: -102.84 + id * 0.001, h: 100 + id }, speed_mps: id, cooperative: id % 2 === 0, ...extra };
}

function harness() {
  const frames: Frame[] = [];
  const transfers: ArrayBuffer[][] = [];
  const core = new PictureCore((f, t) => {
    frames.push(f);
    transfers.push(t);
  });
  return { core, frames, transfers, last: () => frames[frames.length - 1]! };
}

const view = (p: Partial<View>): View => ({ ...defaultView(), ...p });

describe('PictureCore (the picture worker)', () => {
  it('answers a snapshot with one frame: packed arrays, the list, counts and the clock', () => {
    const { core, frames, transfers, last } = harness();
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: [track(2, t0), track(1, t0), track(3, t0)] }, 5000);
    expect(frames).toHaveLength(1);
    const f = last();
    expect(f.source).toBe('live');
    expect(f.total).toBe(3);
    expect(f.time).toBe(t0);
    expect(f.receivedAt).toBe(5000);
    expect(f.packed!.count).toBe(3);
    expect(Array.from(f.packed!.arrays.ids.subarray(0, 3))).toEqual([2, 1, 3]);
    expect(f.packed!.arrays.lon[1]).toBeCloseTo(-102.839);
    expect(Array.from(f.list!.order)).toEqual([1, 2, 3]);
    expect(f.list!.rows.map((r) => [r.id, r.kind, r.speed, r.h])).toEqual([[1, 0, 1, 101], [2, 1, 2, 102], [3, 0, 3, 103]]);
    expect(f.list!.rows[0]!.last).toBe(t0);
    expect(f.selected).toEqual({ id: null, track: null, trail: null });
    // Every array's buffer is in the transfer list (nothing is copied), the list's order too.
    for (const b of transferables(f.packed!.arrays)) expect(transfers[0]).toContain(b);
    expect(transfers[0]).toContain(f.list!.order.buffer);
  });

  it('sends nothing when nothing the main thread shows changed', () => {
    const { core, frames } = harness();
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: [track(1, t0)] }, 0);
    core.emit();
    core.setView(defaultView());
    expect(frames).toHaveLength(1);
  });

  it('answers a view change with the list and selection only (no packing)', () => {
    const { core, frames, last } = harness();
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: [track(1, t0), track(2, t0), track(3, t0)] }, 0);
    core.setView(view({ query: { sort: 'speed', descending: true, cooperation: 'all', text: '' }, selected: 2 }));
    expect(frames).toHaveLength(2);
    expect(last().packed).toBeUndefined();
    expect(Array.from(last().list!.order)).toEqual([3, 2, 1]);
    expect(last().selected!.id).toBe(2);
    expect(last().selected!.track!.id).toBe(2);
    expect(last().selected!.trail).toHaveLength(1);
    core.setView(view({ query: { sort: 'id', descending: false, cooperation: 'cooperative', text: '' }, selected: 2 }));
    expect(Array.from(last().list!.order)).toEqual([2]);
    expect(last().selected).toBeUndefined();
    // A new trail tolerance (another zoom level) packs again.
    core.setView(view({ query: { sort: 'id', descending: false, cooperation: 'cooperative', text: '' }, selected: 2, trailToleranceM: 20 }));
    expect(last().packed!.count).toBe(3);
    expect(last().list).toBeUndefined();
  });

  it('sends only the rows around the view, with every id in order', () => {
    const { core, last } = harness();
    const tracks = Array.from({ length: 500 }, (_, i) => track(i + 1, t0));
    core.setView(view({ start: 200, end: 230 }));
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks }, 0);
    const list = last().list!;
    expect(list.order).toHaveLength(500);
    expect(list.start).toBe(200 - listOverscan);
    expect(list.rows).toHaveLength(30 + 2 * listOverscan);
    expect(list.rows[0]!.id).toBe(list.order[list.start]);
  });

  it('packs into the arrays the main thread hands back (double buffering, no new arrays)', () => {
    const { core, frames } = harness();
    const tracks = (at: number) => Array.from({ length: 50 }, (_, i) => track(i + 1, at));
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: tracks(t0) }, 0);
    core.tracks('live', { mode: 'live', time: iso(t0 + 1000), updated: tracks(t0 + 1000), removed: [] }, 1000);
    expect(core.allocated).toBe(2);
    const [a, b] = [frames[0]!.packed!.arrays, frames[1]!.packed!.arrays];
    expect(a.points).not.toBe(b.points);
    core.giveBack(a);
    core.tracks('live', { mode: 'live', time: iso(t0 + 2000), updated: tracks(t0 + 2000), removed: [] }, 2000);
    expect(core.allocated).toBe(2);
    const c = frames[2]!.packed!.arrays;
    expect(c.points).toBe(a.points);
    expect(c.ids).toBe(a.ids);
    expect(frames[2]!.packed!.count).toBe(50);
    // The trails grew: two segments per track now.
    expect(frames[2]!.packed!.ranges.trails.count).toBe(50 * 4);
  });

  it('ages a quiet store on the tick and drops stale tracks', () => {
    const { core, frames, last } = harness();
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: [track(1, t0)] }, 0);
    core.tick(1000);
    expect(frames).toHaveLength(1);
    core.tick(31_000);
    expect(last().total).toBe(0);
    expect(last().packed!.count).toBe(0);
  });

  it('shows the replay while there is one, and the live picture again after', () => {
    const { core, last } = harness();
    core.snapshot('live', { mode: 'live', time: iso(t0), tracks: [track(1, t0), track(2, t0)] }, 0);
    core.setView(view({ selected: 1 }));
    core.startReplay();
    expect(last().source).toBe('replay');
    expect(last().total).toBe(0);
    expect(core.view.selected).toBeNull();
    core.snapshot('replay', { mode: 'replay', time: iso(t0 - 60_000), tracks: [track(7, t0 - 60_000)] }, 100);
    expect(last().mode).toBe('replay');
    expect(Array.from(last().list!.order)).toEqual([7]);
    // Live updates go on in the background without a frame.
    const before = last();
    core.tracks('live', { mode: 'live', time: iso(t0 + 1000), updated: [track(3, t0 + 1000)], removed: [] }, 1000);
    expect(last()).toBe(before);
    expect(core.live.tracks.size).toBe(3);
    core.seekReplay(t0 - 30_000, 200);
    expect(last().total).toBe(0);
    expect(last().time).toBe(t0 - 30_000);
    core.leaveReplay();
    expect(last().source).toBe('live');
    expect(Array.from(last().list!.order)).toEqual([1, 2, 3]);
  });

  it('ignores events for a replay that is not there', () => {
    const { core, frames } = harness();
    core.snapshot('replay', { mode: 'replay', time: iso(t0), tracks: [track(1, t0)] }, 0);
    core.tracks('replay', { mode: 'replay', time: iso(t0), updated: [track(1, t0)], removed: [] }, 0);
    expect(frames).toHaveLength(0);
  });
});
