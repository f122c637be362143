import { describe, expect, it } from 'vitest';
import type { ZoneFeature } from '../api/types';
import { offset, type Position } from './features';
import { bufferRing, distanceM, offsetRing, zoneFeatures, zoneRing } from './zones';

const lon0 = -102.84;
const lat0 = 19.19;
const at = (east: number, north: number): Position => offset(lon0, lat0, east, north);

/** Distance (m) from p to the segment a–b, in the flat plane at the test's origin. */
function segmentDistance(p: Position, a: Position, b: Position): number {
  const kx = 111_195 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 111_195;
  const [px, py, ax, ay, bx, by] = [p[0] * kx, p[1] * ky, a[0] * kx, a[1] * ky, b[0] * kx, b[1] * ky];
  const dx = bx - ax;
  const dy = by - ay;
  const u = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + u * dx), py - (ay + u * dy));
}
const ringDistance = (p: Position, ring: Position[]) => Math.min(...ring.slice(0, -1).map((a, i) => segmentDistance(p, a, ring[i + 1]!)));

const polygon = (ring: Position[], buffer = 0): ZoneFeature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties: { id: 'p', name: 'Polígono', kind: 'village', floor_m: 0, ceiling_m: 150, height_ref: 'agl', buffer_m: buffer },
});
const circleZone = (radius: number, buffer = 0): ZoneFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon0, lat0] },
  properties: { id: 'c', name: 'Escuela', kind: 'school', floor_m: 0, ceiling_m: 120, height_ref: 'agl', buffer_m: buffer, radius_m: radius },
});

describe('zone outlines', () => {
  it('closes an open polygon ring and keeps a closed one', () => {
    const open = [at(0, 0), at(100, 0), at(100, 100)];
    expect(zoneRing(polygon(open))).toEqual([...open, open[0]]);
    expect(zoneRing(polygon([...open, open[0]!]))).toHaveLength(4);
  });

  it('draws a circle zone as a ring at its radius', () => {
    const ring = zoneRing(circleZone(250))!;
    expect(ring.length).toBeGreaterThan(90);
    for (const p of ring) expect(distanceM([lon0, lat0], p)).toBeCloseTo(250, 0);
  });

  it('refuses what it cannot draw', () => {
    expect(zoneRing(polygon([at(0, 0), at(1, 1)]))).toBeNull();
    expect(zoneRing(circleZone(0))).toBeNull();
    expect(zoneRing({ ...circleZone(10), geometry: { type: 'Point', coordinates: [Number.NaN, 1] } })).toBeNull();
    expect(zoneRing({ type: 'Feature', geometry: { type: 'LineString' }, properties: {} } as unknown as ZoneFeature)).toBeNull();
  });
});

describe('watch buffer (drawing only)', () => {
  it('none without a buffer', () => {
    expect(bufferRing(circleZone(250))).toBeNull();
    expect(bufferRing(polygon([at(0, 0), at(100, 0), at(100, 100)]))).toBeNull();
  });

  it('a circle: radius plus buffer', () => {
    for (const p of bufferRing(circleZone(250, 500))!) expect(distanceM([lon0, lat0], p)).toBeCloseTo(750, 0);
  });

  it('a convex polygon: every drawn point is the buffer away from the outline (either winding)', () => {
    const square = [at(0, 0), at(400, 0), at(400, 400), at(0, 400), at(0, 0)];
    for (const ring of [square, [...square].reverse()]) {
      const buffer = offsetRing(ring, 100);
      expect(buffer[0]).toEqual(buffer[buffer.length - 1]);
      for (const p of buffer) expect(ringDistance(p, ring)).toBeCloseTo(100, 0);
      // Outside: farther from the centre than the square's corners are along each axis.
      const centre = at(200, 200);
      expect(Math.min(...buffer.map((p) => distanceM(centre, p)))).toBeGreaterThan(299);
    }
  });

  it('a concave corner is mitred: the drawn point is the buffer away from both edges', () => {
    // An L: the reflex corner is at (200, 200).
    const l = [at(0, 0), at(400, 0), at(400, 200), at(200, 200), at(200, 400), at(0, 400), at(0, 0)];
    const buffer = offsetRing(l, 50);
    const inner = buffer.filter((p) => distanceM(p, at(250, 250)) < 5);
    expect(inner).toHaveLength(1);
    for (const p of buffer) expect(ringDistance(p, l)).toBeGreaterThan(49);
    for (const p of buffer) expect(ringDistance(p, l)).toBeLessThan(51);
  });

  it('a sharp notch is mitred too: its point is 90 m out along the bisector, 50 m from both edges', () => {
    const notch = [at(0, 0), at(400, 0), at(400, 400), at(200, 100), at(0, 400), at(0, 0)];
    const buffer = offsetRing(notch, 50);
    for (const p of buffer) expect(ringDistance(p, notch)).toBeCloseTo(50, 0);
    // Half the notch's opening is atan(200/300): the mitre point is 50 / sin of it above the vertex.
    const mitre = 50 / Math.sin(Math.atan2(200, 300));
    expect(buffer.some((p) => distanceM(p, at(200, 100 + mitre)) < 1)).toBe(true);
  });
});

describe('zoneFeatures', () => {
  it('gives each drawable zone an outline and, with a buffer, a buffer line, with its alert level', () => {
    const zones = [polygon([at(0, 0), at(100, 0), at(100, 100)], 200), circleZone(250), { ...circleZone(-1), properties: { ...circleZone(-1).properties, id: 'bad' } }];
    const f = zoneFeatures(zones, new Map([['c', 'alarm']]));
    expect(f.areas.features.map((x) => x.properties)).toEqual([
      { id: 'p', name: 'Polígono', kind: 'village', level: '' },
      { id: 'c', name: 'Escuela', kind: 'school', level: 'alarm' },
    ]);
    expect(f.buffers.features.map((x) => x.properties['id'])).toEqual(['p']);
    expect(f.areas.features[0]!.geometry.type).toBe('Polygon');
    expect(f.buffers.features[0]!.geometry.type).toBe('LineString');
  });

  it('leaves out the zone being edited', () => {
    expect(zoneFeatures([circleZone(250)], new Map(), 'c').areas.features).toEqual([]);
  });
});
