import type { Sensor, Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { shapeOf } from './icons';

// Pure conversions from the picture to GeoJSON for the map's sources. The map never gets a new layer per
// message: these collections go to the existing sources' setData.

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

/** East and north velocity: the API's velocity_enu, else speed and heading. */
export function velocityOf(t: Track): [number, number] {
  const v = t.velocity_enu;
  if (Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1])) return [v[0]!, v[1]!];
  const speed = t.speed_mps ?? 0;
  const heading = ((t.heading_deg ?? 0) * Math.PI) / 180;
  return Number.isFinite(speed) && Number.isFinite(heading) ? [speed * Math.sin(heading), speed * Math.cos(heading)] : [0, 0];
}

/** The picture's map data: one point per track, and everything else drawn under them in one source. */
export interface TrackLayers {
  /** One Point per track: `{ id, cooperative, label? }` (the track source; the end-to-end test counts it). */
  points: FeatureCollection;
  /**
   * Lines and pilots in one source (one worker round trip per update instead of four), told apart by
   * `kind`: `trail` and `vector` (a MultiLineString per cooperation class, `cooperative`), `operatorLine`
   * (one MultiLineString) and `operator` (one Point per Remote ID pilot, `id`, `label`).
   */
  overlay: FeatureCollection;
}

export interface TrackFeatureOptions {
  /**
   * Trail simplification (m): a trail point closer than this to the last point kept is dropped (the first
   * and last points are always kept). About a pixel and a half at the map's zoom; 0 keeps every point.
   */
  trailToleranceM?: number;
  /** Give each point its label (`id` and altitude); only needed where labels are drawn (zoomed in). Default true. */
  labels?: boolean;
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

const labelOf = (t: Track): string => (Number.isFinite(t.position.h) ? `${t.id}\n${Math.round(t.position.h)} m` : `${t.id}`);

export function trackFeatures(tracks: Iterable<Track>, trails: ReadonlyMap<number, TrailPoint[]>, options: TrackFeatureOptions = {}): TrackLayers {
  const tolerance = options.trailToleranceM ?? 0;
  const labels = options.labels !== false;
  const points: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const overlay: FeatureCollection = { type: 'FeatureCollection', features: [] };
  // Lines by cooperation class: [unknown, cooperative].
  const trailLines: Position[][][] = [[], []];
  const vectorLines: Position[][][] = [[], []];
  const operatorLines: Position[][] = [];
  for (const t of tracks) {
    const here: Position = [t.position.lon, t.position.lat];
    const cooperative = t.cooperative === true;
    const cls = cooperative ? 1 : 0;
    points.features.push({ type: 'Feature', properties: labels ? { id: t.id, cooperative, label: labelOf(t) } : { id: t.id, cooperative }, geometry: { type: 'Point', coordinates: here } });
    const [ve, vn] = velocityOf(t);
    if (ve !== 0 || vn !== 0) vectorLines[cls]!.push([here, offset(here[0], here[1], ve * vectorSeconds, vn * vectorSeconds)]);
    const trail = trails.get(t.id);
    if (trail && trail.length >= 2) trailLines[cls]!.push(trailLine(trail, tolerance));
    const op = t.operator;
    if (op && Number.isFinite(op.lat) && Number.isFinite(op.lon)) {
      const pilot: Position = [op.lon, op.lat];
      overlay.features.push({ type: 'Feature', properties: { kind: 'operator', id: t.id, label: t.uas_id ?? `${t.id}` }, geometry: { type: 'Point', coordinates: pilot } });
      operatorLines.push([pilot, here]);
    }
  }
  for (const cls of [0, 1]) {
    const cooperative = cls === 1;
    if (trailLines[cls]!.length > 0) overlay.features.push({ type: 'Feature', properties: { kind: 'trail', cooperative }, geometry: { type: 'MultiLineString', coordinates: trailLines[cls] } });
    if (vectorLines[cls]!.length > 0) overlay.features.push({ type: 'Feature', properties: { kind: 'vector', cooperative }, geometry: { type: 'MultiLineString', coordinates: vectorLines[cls] } });
  }
  if (operatorLines.length > 0) overlay.features.push({ type: 'Feature', properties: { kind: 'operatorLine' }, geometry: { type: 'MultiLineString', coordinates: operatorLines } });
  return { points, overlay };
}

/** The selected track on its own small source: its point (highlight and label) and its full trail. */
export function selectedFeatures(track: Track | undefined, trail: readonly TrailPoint[] | undefined): FeatureCollection {
  const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
  if (!track) return fc;
  const cooperative = track.cooperative === true;
  if (trail && trail.length >= 2) fc.features.push({ type: 'Feature', properties: { kind: 'trail', id: track.id, cooperative }, geometry: { type: 'LineString', coordinates: trailLine(trail) } });
  fc.features.push({ type: 'Feature', properties: { kind: 'track', id: track.id, cooperative, label: labelOf(track) }, geometry: { type: 'Point', coordinates: [track.position.lon, track.position.lat] } });
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
