import type { Sensor, Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { shapeOf } from './icons';
import { symbolKindNames, symbolKindOf } from './trackBuffers';

// Pure conversions to GeoJSON for the map's small sources (the selection, sensors) and the geometry helpers
// the WebGL track layer's packing shares (trackBuffers.ts). The map never gets a new layer per message:
// these collections go to the existing sources' setData.

export type Position = [number, number];

export interface FeatureCollection<P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id?: number; properties: P; geometry: { type: string; coordinates: unknown } }>;
}

const earthRadius = 6_371_008.8;
/** How far ahead the velocity vector reaches (s of flight). */
export const vectorSeconds = 30;

/** The point `east`,`north` metres from lon/lat (local flat-earth offset, good to a few km). */
export function offset(lon: number, lat: number, east: number, north: number): Position {
  const dLat = (north / earthRadius) * (180 / Math.PI);
  const dLon = (east / (earthRadius * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI);
  return [lon + dLon, lat + dLat];
}

/** East and north velocity: the API's velocity_enu, else speed and heading (written into `out` when given). */
export function velocityOf(t: Track, out: [number, number] = [0, 0]): [number, number] {
  const v = t.velocity_enu;
  if (Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1])) {
    out[0] = v[0]!;
    out[1] = v[1]!;
    return out;
  }
  const speed = t.speed_mps ?? 0;
  const heading = ((t.heading_deg ?? 0) * Math.PI) / 180;
  const ok = Number.isFinite(speed) && Number.isFinite(heading);
  out[0] = ok ? speed * Math.sin(heading) : 0;
  out[1] = ok ? speed * Math.cos(heading) : 0;
  return out;
}

const metresPerDegree = (Math.PI / 180) * earthRadius;

/**
 * A trail as map coordinates, thinned by radial distance: points within `tolerance` metres of the last one
 * kept are dropped, the newest point is always kept. Oldest first.
 */
export function trailLine(trail: readonly TrailPoint[], tolerance = 0): Position[] {
  const out: Position[] = [];
  const n = trail.length;
  if (n === 0) return out;
  let last = trail[0]!;
  out.push([last.lon, last.lat]);
  // Flat earth over a trail's few hundred metres: squared distances in degrees, longitude scaled once.
  const kx = Math.cos((last.lat * Math.PI) / 180);
  const limit = tolerance > 0 ? (tolerance / metresPerDegree) ** 2 : 0;
  for (let i = 1; i < n; i++) {
    const p = trail[i]!;
    const dx = (p.lon - last.lon) * kx;
    const dy = p.lat - last.lat;
    if (i === n - 1 || dx * dx + dy * dy >= limit) {
      out.push([p.lon, p.lat]);
      last = p;
    }
  }
  return out;
}

/** A track's label: its id, and its height when known. */
export function labelText(id: number, h: number): string {
  return Number.isFinite(h) ? `${id}\n${Math.round(h)} m` : `${id}`;
}

const labelOf = (t: Track): string => labelText(t.id, t.position.h);

/** The selected track on its own small source: its point (highlight and label) and its full trail. */
export function selectedFeatures(track: Track | undefined, trail: readonly TrailPoint[] | undefined): FeatureCollection {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!track) return fc;
  const symbol = symbolKindNames[symbolKindOf(track)];
  if (trail && trail.length >= 2) fc.features.push({ type: 'Feature', properties: { kind: 'trail', id: track.id, symbol }, geometry: { type: 'LineString', coordinates: trailLine(trail) } });
  fc.features.push({ type: 'Feature', properties: { kind: 'track', id: track.id, symbol, label: labelOf(track) }, geometry: { type: 'Point', coordinates: [track.position.lon, track.position.lat] } });
  return fc;
}

/** A closed ring of `steps` points, `radius` metres around lon/lat. */
export function circle(lon: number, lat: number, radius: number, steps = 72): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((i % steps) / steps) * 2 * Math.PI;
    ring.push(offset(lon, lat, radius * Math.sin(a), radius * Math.cos(a)));
  }
  return ring;
}

/**
 * The point `distance` metres from lon/lat along the initial great-circle bearing `bearingDeg` (clockwise
 * from north), on a sphere of the mean Earth radius.
 */
export function destination(lon: number, lat: number, bearingDeg: number, distance: number): Position {
  const r = Math.PI / 180;
  const d = distance / earthRadius;
  const b = bearingDeg * r;
  const p1 = lat * r;
  const l1 = lon * r;
  const sinP2 = Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b);
  const p2 = Math.asin(Math.max(-1, Math.min(1, sinP2)));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * sinP2);
  return [((((l2 / r) + 540) % 360) - 180), p2 / r];
}

/** A bearing line is drawn to the sensor's range_m, or this far (m) without one. */
export const defaultBearingRangeM = 5000;
/** A bearing older than this (ms, on the data clock) is drawn dashed and faded. */
export const bearingStaleMs = 10_000;

const knownStates = new Set(['up', 'degraded', 'down', 'revoked']);

/**
 * The sensors' map data: `sensors` one Point per placed sensor; `rings` the sensors' lines, told apart by
 * `line`: `ring` (coverage circle of a sensor with range_m; not for direction finders) and `bearing` (a
 * direction finder's last bearing, from the sensor out to range_m or 5 km, `stale` when older than 10 s at
 * `nowMs`, or when its time is unreadable; with no `nowMs` nothing is stale).
 */
export function sensorFeatures(sensors: readonly Sensor[], nowMs?: number): { sensors: FeatureCollection; rings: FeatureCollection } {
  const points: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const rings: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const s of sensors) {
    const p = s.position;
    if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    points.features.push({ type: 'Feature', properties: { id: s.id, kind: s.kind, state: s.state, icon: `sensor-${shapeOf(s.kind)}-${knownStates.has(s.state) ? s.state : 'revoked'}` }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    // Coverage when the server gives a range (range_m): a radar's instrumented range, a receiver's reach.
    // Direction finders get no ring (their coverage is a bearing, not drawn yet).
    if (s.kind !== 'direction-finder' && typeof s.range_m === 'number' && Number.isFinite(s.range_m) && s.range_m > 0) {
      rings.features.push({ type: 'Feature', properties: { line: 'ring', id: s.id, kind: s.kind, radar: s.kind === 'radar', state: s.state }, geometry: { type: 'LineString', coordinates: circle(p.lon, p.lat, s.range_m) } });
    }
    const b = s.last_bearing;
    if (s.kind === 'direction-finder' && b && typeof b === 'object' && typeof b.azimuth_deg === 'number' && Number.isFinite(b.azimuth_deg)) {
      const reach = typeof s.range_m === 'number' && Number.isFinite(s.range_m) && s.range_m > 0 ? s.range_m : defaultBearingRangeM;
      const at = typeof b.time === 'string' ? Date.parse(b.time) : Number.NaN;
      const stale = nowMs !== undefined && Number.isFinite(nowMs) ? !Number.isFinite(at) || nowMs - at > bearingStaleMs : false;
      rings.features.push({ type: 'Feature', properties: { line: 'bearing', id: s.id, stale }, geometry: { type: 'LineString', coordinates: [[p.lon, p.lat], destination(p.lon, p.lat, b.azimuth_deg, reach)] } });
    }
  }
  return { sensors: points, rings };
}
