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

export interface TrackLayers {
  points: FeatureCollection;
  vectors: FeatureCollection;
  trails: FeatureCollection;
  operators: FeatureCollection;
  operatorLines: FeatureCollection;
}

export function trackFeatures(tracks: Iterable<Track>, trails: ReadonlyMap<number, TrailPoint[]>, selected: number | null): TrackLayers {
  const points: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const vectors: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const trailLines: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const operators: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const operatorLines: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const t of tracks) {
    const here: Position = [t.position.lon, t.position.lat];
    const cooperative = t.cooperative === true;
    const isSelected = t.id === selected;
    const h = Number.isFinite(t.position.h) ? Math.round(t.position.h) : null;
    points.features.push({
      type: 'Feature',
      id: t.id,
      properties: { id: t.id, cooperative, selected: isSelected, label: h === null ? `${t.id}` : `${t.id}\n${h} m`, heading: t.heading_deg ?? 0, status: t.status },
      geometry: { type: 'Point', coordinates: here },
    });
    const [ve, vn] = velocityOf(t);
    if (ve !== 0 || vn !== 0) {
      vectors.features.push({
        type: 'Feature',
        properties: { id: t.id, cooperative },
        geometry: { type: 'LineString', coordinates: [here, offset(here[0], here[1], ve * vectorSeconds, vn * vectorSeconds)] },
      });
    }
    const trail = trails.get(t.id);
    if (trail && trail.length >= 2) {
      trailLines.features.push({
        type: 'Feature',
        properties: { id: t.id, cooperative, selected: isSelected },
        geometry: { type: 'LineString', coordinates: trail.map((p) => [p.lon, p.lat]) },
      });
    }
    const op = t.operator;
    if (op && Number.isFinite(op.lat) && Number.isFinite(op.lon)) {
      const pilot: Position = [op.lon, op.lat];
      operators.features.push({ type: 'Feature', properties: { id: t.id, label: t.uas_id ?? `${t.id}` }, geometry: { type: 'Point', coordinates: pilot } });
      operatorLines.features.push({ type: 'Feature', properties: { id: t.id }, geometry: { type: 'LineString', coordinates: [pilot, here] } });
    }
  }
  return { points, vectors, trails: trailLines, operators, operatorLines };
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

const knownStates = new Set(['up', 'degraded', 'down', 'revoked']);

export function sensorFeatures(sensors: readonly Sensor[]): { sensors: FeatureCollection; rings: FeatureCollection } {
  const points: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const rings: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const s of sensors) {
    const p = s.position;
    if (!p || !Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    points.features.push({ type: 'Feature', properties: { id: s.id, kind: s.kind, state: s.state, icon: `sensor-${shapeOf(s.kind)}-${knownStates.has(s.state) ? s.state : 'revoked'}` }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } });
    // Coverage when the server gives a range (range_m): a radar's instrumented range, a receiver's reach.
    // Direction finders get no ring (their coverage is a bearing, not drawn yet).
    if (s.kind !== 'direction-finder' && typeof s.range_m === 'number' && Number.isFinite(s.range_m) && s.range_m > 0) {
      rings.features.push({ type: 'Feature', properties: { id: s.id, kind: s.kind, radar: s.kind === 'radar', state: s.state }, geometry: { type: 'LineString', coordinates: circle(p.lon, p.lat, s.range_m) } });
    }
  }
  return { sensors: points, rings };
}
