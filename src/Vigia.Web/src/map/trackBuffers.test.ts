import { describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { offset } from './features';
import { lineStride, mercatorX, mercatorY, pilotLineClass, pointStride, SymbolKind, symbolKindNames, symbolKindOf, TrackBuffers } from './trackBuffers';

const track = (id: number, extra: Partial<Track> = {}): Track => ({
  id, status: 'confirmed', time: '2026-11-25T18:00:00Z', position: { lat: 19.19 + id * 0.001, lon: -102.84, h: 420 }, cooperative: true, velocity_enu: [10, 0, 0], ...extra,
});
const noTrails = new Map<number, TrailPoint[]>();

describe('Web Mercator', () => {
  it('puts 0°, 0° in the middle, the antimeridian at the edges, north up', () => {
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(180)).toBe(1);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    expect(mercatorY(85.051129)).toBeCloseTo(0, 6);
    expect(mercatorY(-89)).toBeCloseTo(1, 6); // clamped
    expect(mercatorY(19.2)).toBeLessThan(0.5);
  });
});

describe('symbolKindOf', () => {
  it('draws a manned aircraft as manned whatever else it says; Remote ID cooperative; the rest unknown', () => {
    expect(symbolKindOf(track(1, { object_class: 'manned_aircraft', class_source: 'adsb', cooperative: true }))).toBe(SymbolKind.Manned);
    expect(symbolKindOf(track(1, { object_class: 'manned_aircraft', class_source: 'sapient', cooperative: false }))).toBe(SymbolKind.Manned);
    expect(symbolKindOf(track(1))).toBe(SymbolKind.Cooperative);
    expect(symbolKindOf(track(1, { object_class: 'uav_rotary_wing', class_source: 'remote_id' }))).toBe(SymbolKind.Cooperative);
    expect(symbolKindOf(track(1, { cooperative: false }))).toBe(SymbolKind.Unknown);
    expect(symbolKindOf(track(1, { cooperative: undefined, object_class: 'bird' }))).toBe(SymbolKind.Unknown);
    expect(symbolKindNames[SymbolKind.Manned]).toBe('manned');
  });
});

describe('TrackBuffers.pack', () => {
  it('packs one symbol per track: position relative to the origin (the first track), kind, heading', () => {
    const b = new TrackBuffers();
    const a = track(1);
    const c = track(2, { cooperative: false, velocity_enu: [0, 5, 0] });
    const m = track(3, { object_class: 'manned_aircraft', velocity_enu: [0, 0, 0] });
    b.pack([a, c, m], noTrails);
    expect(b.count).toBe(3);
    expect(b.ids).toEqual([1, 2, 3]);
    expect(b.originX).toBe(mercatorX(a.position.lon));
    expect(b.originY).toBe(mercatorY(a.position.lat));
    expect([b.points[0], b.points[1]]).toEqual([0, 0]);
    expect(b.points[pointStride]).toBeCloseTo(0, 12);
    expect(b.points[pointStride + 1]).toBeCloseTo(mercatorY(c.position.lat) - b.originY, 9);
    expect(b.points[pointStride + 1]!).toBeLessThan(0); // further north: up
    expect([b.kindAt(0), b.kindAt(1), b.kindAt(2)]).toEqual([SymbolKind.Cooperative, SymbolKind.Unknown, SymbolKind.Manned]);
    expect(b.points[3]).toBeCloseTo(Math.PI / 2, 6); // eastward
    expect(b.points[pointStride + 3]).toBeCloseTo(0, 6); // northward
    expect(b.points[2 * pointStride + 3]).toBe(0); // not moving
    expect(b.h[2]).toBe(420);
    expect(b.slotOf(3)).toBe(2);
    expect(b.slotOf(9)).toBe(-1);
  });

  it('keeps the origin, so positions stay comparable between updates', () => {
    const b = new TrackBuffers();
    b.pack([track(1)], noTrails);
    const ox = b.originX;
    b.pack([track(5)], noTrails);
    expect(b.originX).toBe(ox);
    expect(b.points[1]).toBeCloseTo(mercatorY(19.195) - mercatorY(19.191), 9);
  });

  it('grows the arrays when needed (a new generation) and reuses them otherwise', () => {
    const b = new TrackBuffers();
    b.pack([track(1)], noTrails);
    const points = b.points;
    const generation = b.generation;
    b.pack([track(2), track(3)], noTrails);
    expect(b.points).toBe(points);
    expect(b.generation).toBe(generation);
    const many = Array.from({ length: 1000 }, (_, i) => track(i + 1, { operator: { lat: 19.1, lon: -102.9, h: 0 } }));
    b.pack(many, noTrails);
    expect(b.points).not.toBe(points);
    expect(b.points.length).toBeGreaterThanOrEqual(1000 * pointStride);
    expect(b.generation).toBeGreaterThan(generation);
    expect(b.count).toBe(1000);
    expect(b.pilotCount).toBe(1000);
    expect(b.ids[999]).toBe(1000);
    expect(b.points[999 * pointStride + 1]).toBeCloseTo(mercatorY(19.19 + 1) - b.originY, 9);
    // Fewer tracks again: the same (larger) arrays, no new generation.
    const grown = b.points;
    const g2 = b.generation;
    b.pack([track(7)], noTrails);
    expect(b.points).toBe(grown);
    expect(b.generation).toBe(g2);
    expect(b.count).toBe(1);
    expect(b.pilotCount).toBe(0);
    expect(b.ids).toEqual([7]);
  });

  it('drops a removed track: the others close up, in order', () => {
    const b = new TrackBuffers();
    b.pack([track(1), track(2), track(3, { cooperative: false })], noTrails);
    b.pack([track(1), track(3, { cooperative: false })], noTrails);
    expect(b.count).toBe(2);
    expect(b.ids).toEqual([1, 3]);
    expect(b.kindAt(1)).toBe(SymbolKind.Unknown);
    expect(b.points[pointStride + 1]).toBeCloseTo(mercatorY(19.193) - b.originY, 9);
    b.pack([], noTrails);
    expect(b.count).toBe(0);
    expect(b.ids).toEqual([]);
    expect(b.lineVertices).toBe(0);
  });

  it('packs trails (thinned), vectors and pilot lines as separate ranges of line segments', () => {
    const b = new TrackBuffers();
    // 61 points 5 m apart going north.
    const trail: TrailPoint[] = Array.from({ length: 61 }, (_, i) => {
      const [lon, lat] = offset(-102.84, 19.19, 0, 5 * i);
      return { t: i * 1000, lon, lat, h: 400, speed: 5 };
    });
    const withPilot = track(1, { operator: { lat: 19.18, lon: -102.85, h: 0 } });
    const still = track(2, { cooperative: false, velocity_enu: [0, 0, 0] });
    const single = track(3, { cooperative: false });
    const trails = new Map<number, TrailPoint[]>([[1, trail], [2, trail.slice(0, 3)], [3, trail.slice(0, 1)]]);
    b.pack([withPilot, still, single], trails);
    const r = b.ranges;
    expect(r.trails).toEqual({ first: 0, count: 2 * 60 + 2 * 2 }); // every point kept: 60 + 2 segments; none for one point
    expect(r.vectors).toEqual({ first: r.trails.count, count: 4 }); // tracks 1 and 3 move
    expect(r.pilotLines).toEqual({ first: r.trails.count + 4, count: 2 });
    expect(b.lineVertices).toBe(r.trails.count + 6);
    const cls = (v: number) => b.lines[v * lineStride + 2];
    expect(cls(0)).toBe(SymbolKind.Cooperative);
    expect(cls(120)).toBe(SymbolKind.Unknown);
    // The trail's last segment ends at the newest point.
    expect(b.lines[119 * lineStride + 1]).toBeCloseTo(mercatorY(trail[60]!.lat) - b.originY, 9);
    // The vector of the eastward track ends 300 m (30 s at 10 m/s) east of it.
    const [elon, elat] = offset(-102.84, 19.191, 300, 0);
    expect(b.lines[(r.vectors.first + 1) * lineStride]).toBeCloseTo(mercatorX(elon) - b.originX, 10);
    expect(b.lines[(r.vectors.first + 1) * lineStride + 1]).toBeCloseTo(mercatorY(elat) - b.originY, 10);
    // The pilot line runs from the pilot to the drone, with its length along for the dashes.
    const p = r.pilotLines.first * lineStride;
    expect(b.lines[p + 2]).toBe(pilotLineClass);
    expect(b.lines[p]).toBeCloseTo(mercatorX(-102.85) - b.originX, 9);
    expect(b.lines[p + 3]).toBe(0);
    expect(b.lines[p + 1]).toBeCloseTo(mercatorY(19.18) - b.originY, 10); // 1 km away: the local expansion is exact enough
    expect(b.pilots[1]).toBeCloseTo(mercatorY(19.18) - b.originY, 10);
    expect(b.lines[p + lineStride + 3]!).toBeCloseTo(Math.hypot(b.lines[p]!, b.lines[p + 1]!), 9);
    expect(b.pilotCount).toBe(1);
    // A tolerance thins the trail: 22 m keeps every fifth point (0, 25, … 300 m).
    b.pack([withPilot], trails, { trailToleranceM: 22 });
    expect(b.ranges.trails.count).toBe(2 * 12);
  });
});
