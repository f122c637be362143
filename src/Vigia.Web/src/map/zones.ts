import type { AlertLevel, ZoneFeature } from '../api/types';
import { circle, type FeatureCollection, type Position } from './features';

// Protected zones as map data (pure). The outline is the server's; the watch buffer drawn around it is
// computed here for drawing only: circles exactly (radius + buffer), polygons by an approximate outward
// offset in a local flat plane. The server computes the real buffer geometry the alerts use.

const earthRadius = 6_371_008.8;
const rad = Math.PI / 180;

/** Points on a drawn circle (zone outlines and buffers). */
export const circleSteps = 96;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && finite(p[0]) && finite(p[1]);

/** The zone's outline as a closed ring of [lon, lat], or null when the feature cannot be drawn. */
export function zoneRing(zone: ZoneFeature): Position[] | null {
  const g = zone?.geometry;
  if (!g) return null;
  if (g.type === 'Point') {
    const r = zone.properties?.radius_m;
    if (!isPosition(g.coordinates) || !finite(r) || r <= 0) return null;
    return circle(g.coordinates[0], g.coordinates[1], r, circleSteps);
  }
  if (g.type === 'Polygon') {
    const ring = Array.isArray(g.coordinates) ? g.coordinates[0] : undefined;
    if (!Array.isArray(ring)) return null;
    const points = ring.filter(isPosition).map((p): Position => [p[0], p[1]]);
    if (points.length < 3) return null;
    const first = points[0]!;
    const last = points[points.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) points.push([first[0], first[1]]);
    return points.length >= 4 ? points : null;
  }
  return null;
}

/**
 * The watch buffer's outline, for drawing only: a circle of radius + buffer, or the polygon offset outwards
 * by the buffer (round outer corners, mitred inner ones). Null without a buffer.
 */
export function bufferRing(zone: ZoneFeature): Position[] | null {
  const buffer = zone?.properties?.buffer_m;
  if (!finite(buffer) || buffer <= 0) return null;
  const g = zone.geometry;
  if (g?.type === 'Point') {
    const r = zone.properties.radius_m;
    if (!isPosition(g.coordinates) || !finite(r) || r <= 0) return null;
    return circle(g.coordinates[0], g.coordinates[1], r + buffer, circleSteps);
  }
  const ring = zoneRing(zone);
  return ring ? offsetRing(ring, buffer) : null;
}

/**
 * `ring` (closed, [lon, lat]) pushed outwards by `metres` in a flat plane at its centre: each convex corner
 * becomes an arc (steps of at most 10°), each concave one the meeting point of the two offset edges (or
 * both offset ends where they meet at a very sharp angle). Approximate — for drawing.
 */
export function offsetRing(ring: readonly Position[], metres: number): Position[] {
  const open = ring.length > 1 && ring[0]![0] === ring[ring.length - 1]![0] && ring[0]![1] === ring[ring.length - 1]![1] ? ring.slice(0, -1) : ring.slice();
  // Drop repeated vertices: an edge of zero length has no direction.
  const pts = open.filter((p, i) => i === 0 || p[0] !== open[i - 1]![0] || p[1] !== open[i - 1]![1]);
  if (pts.length < 3) return ring.slice();
  const lon0 = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const lat0 = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  const kx = earthRadius * rad * Math.cos(lat0 * rad);
  const ky = earthRadius * rad;
  let xy = pts.map(([lon, lat]) => [(lon - lon0) * kx, (lat - lat0) * ky] as [number, number]);
  // Counter-clockwise, so that "outwards" is to the right of every edge.
  let area = 0;
  for (let i = 0; i < xy.length; i++) {
    const [x1, y1] = xy[i]!;
    const [x2, y2] = xy[(i + 1) % xy.length]!;
    area += x1 * y2 - x2 * y1;
  }
  if (area < 0) xy = xy.reverse();
  const n = xy.length;
  const out: Array<[number, number]> = [];
  const normal = (a: [number, number], b: [number, number]): [number, number] => {
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len = Math.hypot(dx, dy);
    return [dy / len, -dx / len];
  };
  for (let i = 0; i < n; i++) {
    const prev = xy[(i - 1 + n) % n]!;
    const v = xy[i]!;
    const next = xy[(i + 1) % n]!;
    const n1 = normal(prev, v);
    const n2 = normal(v, next);
    const cross = (v[0] - prev[0]) * (next[1] - v[1]) - (v[1] - prev[1]) * (next[0] - v[0]);
    const dot = n1[0] * n2[0] + n1[1] * n2[1];
    if (cross > 1e-9) {
      // Convex corner: an arc from one edge's normal to the next (turning left, counter-clockwise).
      const a1 = Math.atan2(n1[1], n1[0]);
      let a2 = Math.atan2(n2[1], n2[0]);
      while (a2 < a1) a2 += 2 * Math.PI;
      const steps = Math.max(1, Math.ceil((a2 - a1) / (10 * rad)));
      for (let s = 0; s <= steps; s++) {
        const a = a1 + ((a2 - a1) * s) / steps;
        out.push([v[0] + metres * Math.cos(a), v[1] + metres * Math.sin(a)]);
      }
    } else if (cross < -1e-9 && 1 + dot > 0.1) {
      // Concave corner: where the two offset edges meet.
      const k = metres / (1 + dot);
      out.push([v[0] + k * (n1[0] + n2[0]), v[1] + k * (n1[1] + n2[1])]);
    } else {
      out.push([v[0] + metres * n1[0], v[1] + metres * n1[1]]);
      if (cross < 0) out.push([v[0] + metres * n2[0], v[1] + metres * n2[1]]);
    }
  }
  out.push(out[0]!);
  return out.map(([x, y]): Position => [lon0 + x / kx, lat0 + y / ky]);
}

/** The map's zone sources: `areas` (outline polygons, filled and outlined) and `buffers` (dashed buffer lines). */
export interface ZoneLayers {
  areas: FeatureCollection;
  buffers: FeatureCollection;
}

/**
 * Zones as map data: each drawable zone's outline (properties `id`, `name`, `kind`, `level`: the highest
 * level of a standing alert on it, or '' for none) and its buffer line (same properties). A zone being
 * edited (`hidden`) is left out: the drawing shows it instead.
 */
export function zoneFeatures(zones: readonly ZoneFeature[], levels: ReadonlyMap<string, AlertLevel>, hidden: string | null = null): ZoneLayers {
  const areas: FeatureCollection = { type: 'FeatureCollection', features: [] };
  const buffers: FeatureCollection = { type: 'FeatureCollection', features: [] };
  for (const zone of zones) {
    const id = zone?.properties?.id;
    if (typeof id !== 'string' || id === hidden) continue;
    const ring = zoneRing(zone);
    if (!ring) continue;
    const properties = { id, name: typeof zone.properties.name === 'string' ? zone.properties.name : id, kind: zone.properties.kind ?? 'other', level: levels.get(id) ?? '' };
    areas.features.push({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });
    const buffer = bufferRing(zone);
    if (buffer) buffers.features.push({ type: 'Feature', properties, geometry: { type: 'LineString', coordinates: buffer } });
  }
  return { areas, buffers };
}

/** Horizontal distance in metres between two [lon, lat] points (haversine on the mean sphere). */
export function distanceM(a: Position, b: Position): number {
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadius * Math.asin(Math.min(1, Math.sqrt(h)));
}
