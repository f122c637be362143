import { describe, expect, it } from 'vitest';
import type { Sensor, Track } from '../api/types';
import { bearingStaleMs, circle, destination, labelText, offset, selectedFeatures, sensorFeatures, trailLine, velocityOf } from './features';

const base: Track = { id: 4, status: 'confirmed', time: '2026-11-25T18:00:00Z', position: { lat: 19.19, lon: -102.84, h: 420.4 }, cooperative: true, velocity_enu: [10, 0, 0] };

describe('velocityOf', () => {
  it('uses the velocity vector, else speed and heading', () => {
    expect(velocityOf(base)).toEqual([10, 0]);
    const [e, n] = velocityOf({ ...base, velocity_enu: undefined, speed_mps: 10, heading_deg: 90 });
    expect(e).toBeCloseTo(10);
    expect(n).toBeCloseTo(0);
  });
});

describe('trailLine', () => {
  // 61 points 5 m apart going north, one a second.
  const trail = Array.from({ length: 61 }, (_, i) => {
    const [lon, lat] = offset(-102.84, 19.19, 0, 5 * i);
    return { t: i * 1000, lon, lat, h: 400, speed: 5 };
  });

  it('keeps every point without a tolerance', () => {
    expect(trailLine(trail)).toHaveLength(61);
    expect(trailLine([])).toEqual([]);
  });

  it('drops points within the tolerance of the last one kept, keeping the first and the newest', () => {
    const thin = trailLine(trail, 22);
    // Kept: 0, 25, 50, … 300 m (every fifth point; the newest, 300 m, is one of them).
    expect(thin).toHaveLength(13);
    expect(trailLine(trail.slice(0, 59), 22)).toHaveLength(13); // 0 … 275 m, then the newest (290 m)
    expect(thin[0]).toEqual([trail[0]!.lon, trail[0]!.lat]);
    expect(thin[thin.length - 1]).toEqual([trail[60]!.lon, trail[60]!.lat]);
    expect(trailLine(trail, 1000)).toHaveLength(2);
  });
});

describe('selectedFeatures', () => {
  it('is empty without a track; else the full trail and the point with its label', () => {
    expect(selectedFeatures(undefined, undefined).features).toEqual([]);
    const trail = [{ t: 0, lon: -102.85, lat: 19.19, h: 400, speed: 1 }, { t: 1, lon: -102.849, lat: 19.19, h: 400, speed: 1 }, { t: 2, lon: -102.848, lat: 19.19, h: 400, speed: 1 }];
    const f = selectedFeatures(base, trail).features;
    expect(f.map((x) => x.properties)).toEqual([{ kind: 'trail', id: 4, symbol: 'cooperative' }, { kind: 'track', id: 4, symbol: 'cooperative', label: '4\n420 m' }]);
    expect(f[0]!.geometry.coordinates).toHaveLength(3);
  });

  it('names the symbol the track is drawn with: manned aircraft before cooperation, unknown otherwise', () => {
    const symbol = (t: Track) => selectedFeatures(t, undefined).features[0]!.properties['symbol'];
    expect(symbol({ ...base, object_class: 'manned_aircraft', class_source: 'adsb' })).toBe('manned');
    expect(symbol({ ...base, cooperative: false })).toBe('unknown');
  });

  it('labels with the id and the rounded height, the id alone without one', () => {
    expect(labelText(7, 420.6)).toBe('7\n421 m');
    expect(labelText(7, Number.NaN)).toBe('7');
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

  it('draws a direction finder\'s last bearing to its range, or 5 km; dashed (stale) after 10 s', () => {
    const t0 = Date.parse('2025-01-01T12:00:00Z');
    const df = (extra: Partial<Sensor>) => sensor({ id: 'df', kind: 'direction-finder', last_bearing: { azimuth_deg: 90, time: '2025-01-01T12:00:00Z' }, ...extra });
    const fresh = sensorFeatures([df({})], t0 + 2000).rings.features;
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.properties).toEqual({ line: 'bearing', id: 'df', stale: false });
    const [from, to] = fresh[0]!.geometry.coordinates as [number, number][];
    expect(from).toEqual([-102.84, 19.19]);
    expect(haversine(from!, to!)).toBeCloseTo(5000, -1);
    expect(to![1]).toBeCloseTo(19.19, 3);
    expect(to![0]).toBeGreaterThan(-102.84);
    const ranged = sensorFeatures([df({ range_m: 2000 })], t0).rings.features[0]!.geometry.coordinates as [number, number][];
    expect(haversine(ranged[0]!, ranged[1]!)).toBeCloseTo(2000, -1);
    expect(sensorFeatures([df({})], t0 + bearingStaleMs + 1).rings.features[0]!.properties['stale']).toBe(true);
    expect(sensorFeatures([df({ last_bearing: { azimuth_deg: 10, time: 'junk' } })], t0).rings.features[0]!.properties['stale']).toBe(true);
    // Nothing without a bearing, a usable azimuth or a position; nothing for other kinds.
    expect(sensorFeatures([df({ last_bearing: null })], t0).rings.features).toHaveLength(0);
    expect(sensorFeatures([df({ last_bearing: { azimuth_deg: Number.NaN, time: '2025-01-01T12:00:00Z' } })], t0).rings.features).toHaveLength(0);
    expect(sensorFeatures([df({ position: null })], t0).rings.features).toHaveLength(0);
    expect(sensorFeatures([sensor({ last_bearing: { azimuth_deg: 90, time: '2025-01-01T12:00:00Z' } })], t0).rings.features).toHaveLength(0);
  });
});

/** Great-circle distance (m) between lon/lat points, haversine on the mean sphere. */
function haversine(a: [number, number], b: [number, number]): number {
  const r = Math.PI / 180;
  const dLat = (b[1] - a[1]) * r;
  const dLon = (b[0] - a[0]) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * r) * Math.cos(b[1] * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('destination', () => {
  it('is within 1 % of the distance at 5 km on any bearing, and matches the flat offset nearby', () => {
    for (const [lon, lat] of [[-102.84, 19.19], [0, 0], [10, 60], [179.99, -45]] as [number, number][]) {
      for (let az = 0; az < 360; az += 15) {
        const p = destination(lon, lat, az, 5000);
        expect(Math.abs(haversine([lon, lat], p) - 5000)).toBeLessThan(50);
        const a = (az * Math.PI) / 180;
        const flat = offset(lon, lat, 5000 * Math.sin(a), 5000 * Math.cos(a));
        if (Math.abs(lon) < 179) expect(haversine(flat, p)).toBeLessThan(50);
      }
    }
    const north = destination(-102.84, 19.19, 0, 5000);
    expect(north[0]).toBeCloseTo(-102.84, 9);
    expect(north[1]).toBeGreaterThan(19.19);
    const west = destination(-102.84, 19.19, 270, 5000);
    expect(west[0]).toBeLessThan(-102.84);
    expect(destination(179.99, 0, 90, 5000)[0]).toBeLessThan(-179.9);
  });
});
