import { describe, expect, it } from 'vitest';
import type { Sensor, Track } from '../api/types';
import { circle, offset, sensorFeatures, trackFeatures, velocityOf } from './features';

const base: Track = { id: 4, status: 'confirmed', time: '2026-11-25T18:00:00Z', position: { lat: 19.19, lon: -102.84, h: 420.4 }, cooperative: true, velocity_enu: [10, 0, 0] };

describe('trackFeatures', () => {
  it('makes one point per track with cooperation, altitude label and selection', () => {
    const f = trackFeatures([base, { ...base, id: 5, cooperative: false }], new Map(), 5);
    expect(f.points.features.map((p) => p.properties)).toMatchObject([
      { id: 4, cooperative: true, selected: false, label: '4\n420 m' },
      { id: 5, cooperative: false, selected: true },
    ]);
  });

  it('draws the velocity vector 30 s ahead, east for an eastward track', () => {
    const f = trackFeatures([base], new Map(), null);
    const [start, end] = f.vectors.features[0]!.geometry.coordinates as number[][];
    expect(start).toEqual([-102.84, 19.19]);
    expect(end![0]!).toBeGreaterThan(-102.84);
    expect(end![1]!).toBeCloseTo(19.19, 9);
  });

  it('links a Remote ID pilot to the drone', () => {
    const f = trackFeatures([{ ...base, operator: { lat: 19.2, lon: -102.85, h: 380 } }], new Map(), null);
    expect(f.operators.features).toHaveLength(1);
    expect(f.operatorLines.features[0]!.geometry.coordinates).toEqual([[-102.85, 19.2], [-102.84, 19.19]]);
  });

  it('draws a trail only with two points or more', () => {
    const one = new Map([[4, [{ t: 0, lon: -102.85, lat: 19.19, h: 400, speed: 1 }]]]);
    expect(trackFeatures([base], one, null).trails.features).toHaveLength(0);
    const two = new Map([[4, [{ t: 0, lon: -102.85, lat: 19.19, h: 400, speed: 1 }, { t: 1, lon: -102.84, lat: 19.19, h: 400, speed: 1 }]]]);
    expect(trackFeatures([base], two, null).trails.features).toHaveLength(1);
  });

  it('uses speed and heading when the velocity vector is missing', () => {
    const [e, n] = velocityOf({ ...base, velocity_enu: undefined, speed_mps: 10, heading_deg: 90 });
    expect(e).toBeCloseTo(10);
    expect(n).toBeCloseTo(0);
  });
});

describe('sensorFeatures', () => {
  const sensor = (extra: Partial<Sensor>): Sensor => ({ id: 's', kind: 'radar', state: 'up', position: { lat: 19.19, lon: -102.84, h: 370 }, ...extra });

  it('rings a radar or a receiver with a range; nothing without one, or for a direction finder', () => {
    const radar = sensorFeatures([sensor({ range_m: 3000 })]).rings.features;
    expect(radar).toHaveLength(1);
    expect(radar[0]!.properties).toMatchObject({ id: 's', kind: 'radar', radar: true });
    const rid = sensorFeatures([sensor({ kind: 'remote-id', range_m: 1500 })]).rings.features;
    expect(rid.map((f) => f.properties['radar'])).toEqual([false]);
    expect(sensorFeatures([sensor({})]).rings.features).toHaveLength(0);
    expect(sensorFeatures([sensor({ range_m: null })]).rings.features).toHaveLength(0);
    expect(sensorFeatures([sensor({ range_m: 0 })]).rings.features).toHaveLength(0);
    expect(sensorFeatures([sensor({ kind: 'direction-finder', range_m: 3000 })]).rings.features).toHaveLength(0);
  });

  it('skips sensors without a position and picks an icon by kind and state', () => {
    const f = sensorFeatures([sensor({ position: null }), sensor({ id: 'rid', kind: 'remote-id', state: 'degraded' })]);
    expect(f.sensors.features.map((s) => s.properties['icon'])).toEqual(['sensor-triangle-degraded']);
  });

  it('a ring is closed and about the range from the centre', () => {
    const ring = circle(-102.84, 19.19, 5000, 36);
    expect(ring[0]).toEqual(ring[36]);
    const north = offset(-102.84, 19.19, 0, 5000);
    expect(ring[0]![1]).toBeCloseTo(north[1], 9);
    expect((north[1] - 19.19) * 111_195).toBeCloseTo(5000, -1);
  });
});
