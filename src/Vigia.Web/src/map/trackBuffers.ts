import type { Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { vectorSeconds, velocityOf } from './features';

// The live picture as typed arrays for the map's WebGL track layer (trackLayer.ts). Pure: no WebGL here, so
// the packing can be tested in Node. Positions are Web Mercator (0…1 across the world, y down) relative to a
// fixed origin near the picture: a Float32 holds an absolute Mercator coordinate only to ~2 m, but an
// offset of a few hundred km to millimetres; the layer folds the origin into its matrix in double precision.
// The arrays are kept and reused between updates (they only grow), so an update allocates almost nothing.

/** What a track's symbol says it is: a drone with Remote ID, something unidentified, or a manned aircraft. */
export const SymbolKind = { Unknown: 0, Cooperative: 1, Manned: 2 } as const;
export type SymbolKind = (typeof SymbolKind)[keyof typeof SymbolKind];

export const symbolKindNames = ['unknown', 'cooperative', 'manned'] as const;
export type SymbolKindName = (typeof symbolKindNames)[number];

/**
 * The symbol a track gets: manned aircraft (the server's class `manned_aircraft`, e.g. from ADS-B) first —
 * shown, never to be taken for a drone — then cooperative (Remote ID), else unknown.
 */
export function symbolKindOf(t: Track): SymbolKind {
  if (t.object_class === 'manned_aircraft') return SymbolKind.Manned;
  return t.cooperative === true ? SymbolKind.Cooperative : SymbolKind.Unknown;
}

/** Web Mercator x of a longitude (0 at 180° W, 1 at 180° E). */
export function mercatorX(lon: number): number {
  return (180 + lon) / 360;
}

/** Web Mercator y of a latitude (0 at the top, 1 at the bottom; clamped to ±85.05°). */
export function mercatorY(lat: number): number {
  const phi = (Math.max(-85.051129, Math.min(85.051129, lat)) * Math.PI) / 180;
  return 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI);
}

/** Floats per track symbol: x, y (relative to the origin), kind, heading (rad clockwise from north; 0 when not moving). */
export const pointStride = 4;
/** Floats per pilot: x, y. */
export const pilotStride = 2;
/** Floats per line vertex: x, y, colour class (SymbolKind, or 3 for a pilot line), distance along the line (Mercator units). */
export const lineStride = 4;
/** The pilot line's colour class. */
export const pilotLineClass = 3;

/** Where each primitive class lies in the line buffer (vertices; drawn as GL LINES, two per segment). */
export interface LineRanges {
  trails: { first: number; count: number };
  vectors: { first: number; count: number };
  pilotLines: { first: number; count: number };
}

export interface PackOptions {
  /**
   * Trail simplification (m): a trail point closer than this to the last point kept is dropped (the newest
   * point is always kept). About a pixel and a half at the map's zoom; 0 keeps every point.
   */
  trailToleranceM?: number;
}

const earthRadius = 6_371_008.8;
/** Scratch for velocityOf (no array per track per update). */
const velocity: [number, number] = [0, 0];
const metresPerDegree = (Math.PI / 180) * earthRadius;

function grow(a: Float32Array<ArrayBuffer>, needed: number): Float32Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  let size = Math.max(64, a.length);
  while (size < needed) size *= 2;
  const b = new Float32Array(size);
  b.set(a);
  return b;
}

function growF64(a: Float64Array<ArrayBuffer>, needed: number): Float64Array<ArrayBuffer> {
  if (needed <= a.length) return a;
  let size = Math.max(64, a.length);
  while (size < needed) size *= 2;
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

/**
 * The picture packed for the GPU: one symbol per track, one pilot point per Remote ID pilot, and every line
 * (trails, velocity vectors, pilot lines) in one vertex array, each class a contiguous range. `pack` rewrites
 * the arrays in place; `generation` changes when an array had to grow (the GL buffers are then re-created,
 * otherwise only the used part is re-sent).
 */
export class TrackBuffers {
  /** The Mercator origin the positions are relative to (set by the first track packed; fixed afterwards). */
  originX = Number.NaN;
  originY = Number.NaN;
  points = new Float32Array(256 * pointStride);
  pilots = new Float32Array(64 * pilotStride);
  lines = new Float32Array(1024 * lineStride);
  /** Track ids by slot (the symbols' order); a Float64Array when the arrays came from the picture worker. */
  ids: number[] | Float64Array = [];
  /** Per slot: longitude, latitude and height (labels are placed from these). */
  lon = new Float64Array(256);
  lat = new Float64Array(256);
  h = new Float64Array(256);
  /** Per slot (scratch): the velocity vector's end and the pilot's position (NaN: none). */
  private vecX = new Float64Array(256);
  private vecY = new Float64Array(256);
  private pilotX = new Float64Array(256);
  private pilotY = new Float64Array(256);
  count = 0;
  pilotCount = 0;
  lineVertices = 0;
  readonly ranges: LineRanges = { trails: { first: 0, count: 0 }, vectors: { first: 0, count: 0 }, pilotLines: { first: 0, count: 0 } };
  /** Bumped when an array was replaced by a larger one. */
  generation = 0;
  /** Bumped on every pack. */
  version = 0;

  /** The slot of track `id`, or -1 (a linear search; for tests and the selection, not per frame). */
  slotOf(id: number): number {
    const s = this.ids.indexOf(id);
    return s < this.count ? s : -1;
  }

  /** The symbol kind packed for slot `slot`. */
  kindAt(slot: number): SymbolKind {
    return this.points[slot * pointStride + 2]! as SymbolKind;
  }

  /** Packs the picture (every track in `tracks` in iteration order, their trails from `trails`). */
  pack(tracks: Iterable<Track>, trails: ReadonlyMap<number, readonly TrailPoint[]>, options: PackOptions = {}): void {
    const tolerance = options.trailToleranceM ?? 0;
    const limit = tolerance > 0 ? (tolerance / metresPerDegree) ** 2 : 0;
    // Lines are written in three passes (trails while the tracks are walked, then vectors, then pilot
    // lines) so that each class is one contiguous range, drawn with one call.
    let n = 0;
    let pilots = 0;
    let lv = 0;
    const ids = Array.isArray(this.ids) ? this.ids : (this.ids = []);
    const gen = this.generation;
    for (const t of tracks) {
      const lon = t.position.lon;
      const lat = t.position.lat;
      if (Number.isNaN(this.originX)) {
        this.originX = mercatorX(lon);
        this.originY = mercatorY(lat);
      }
      const ox = this.originX;
      const oy = this.originY;
      if ((n + 1) * pointStride > this.points.length) this.points = this.grown(this.points, (n + 1) * pointStride);
      if (n + 1 > this.lon.length || n + 1 > this.lat.length || n + 1 > this.h.length || n + 1 > this.vecX.length) {
        // (Each on its own: the worker installs handed-back arrays, which may be of other sizes than the scratch.)
        this.lon = growF64(this.lon, n + 1);
        this.lat = growF64(this.lat, n + 1);
        this.h = growF64(this.h, n + 1);
        this.vecX = growF64(this.vecX, n + 1);
        this.vecY = growF64(this.vecY, n + 1);
        this.pilotX = growF64(this.pilotX, n + 1);
        this.pilotY = growF64(this.pilotY, n + 1);
      }
      // Around the track, Mercator y to second order in the latitude difference (exact to well under a
      // metre over tens of km): one logarithm per track instead of one per point.
      const x = mercatorX(lon) - ox;
      const y = mercatorY(lat) - oy;
      const phi = (lat * Math.PI) / 180;
      const ky1 = -1 / (360 * Math.cos(phi));
      const ky2 = (ky1 * Math.tan(phi) * Math.PI) / 360;
      const kind = symbolKindOf(t);
      velocityOf(t, velocity);
      const ve = velocity[0];
      const vn = velocity[1];
      const moving = ve !== 0 || vn !== 0;
      const p = this.points;
      const i = n * pointStride;
      p[i] = x;
      p[i + 1] = y;
      p[i + 2] = kind;
      p[i + 3] = moving ? Math.atan2(ve, vn) : 0;
      this.lon[n] = lon;
      this.lat[n] = lat;
      this.h[n] = t.position.h;
      if (moving) {
        // Where it would be after vectorSeconds (flat earth at the track, as the API's velocity is ENU).
        const dLat = (vn * vectorSeconds) / metresPerDegree;
        const dLon = (ve * vectorSeconds) / (metresPerDegree * Math.cos(phi));
        this.vecX[n] = x + dLon / 360;
        this.vecY[n] = y + dLat * (ky1 + ky2 * dLat);
      } else {
        this.vecX[n] = Number.NaN;
      }
      const op = t.operator;
      if (op && Number.isFinite(op.lat) && Number.isFinite(op.lon)) {
        if ((pilots + 1) * pilotStride > this.pilots.length) this.pilots = this.grown(this.pilots, (pilots + 1) * pilotStride);
        const d = op.lat - lat;
        const px = x + (op.lon - lon) / 360;
        const py = y + d * (ky1 + ky2 * d);
        this.pilots[pilots * pilotStride] = px;
        this.pilots[pilots * pilotStride + 1] = py;
        this.pilotX[n] = px;
        this.pilotY[n] = py;
        pilots++;
      } else {
        this.pilotX[n] = Number.NaN;
      }
      ids[n] = t.id;
      n++;
      // The trail, oldest first, thinned by radial distance from the last point kept (the newest point is
      // always kept): segments as vertex pairs.
      const trail = trails.get(t.id);
      if (trail && trail.length >= 2) {
        const m = trail.length;
        if ((lv + 2 * (m - 1)) * lineStride > this.lines.length) this.lines = this.grown(this.lines, (lv + 2 * (m - 1)) * lineStride);
        const l = this.lines;
        let last = trail[0]!;
        let d = last.lat - lat;
        let lx = x + (last.lon - lon) / 360;
        let ly = y + d * (ky1 + ky2 * d);
        const kx = Math.cos((last.lat * Math.PI) / 180);
        for (let k = 1; k < m; k++) {
          const q = trail[k]!;
          const dx = (q.lon - last.lon) * kx;
          const dy = q.lat - last.lat;
          if (k === m - 1 || dx * dx + dy * dy >= limit) {
            d = q.lat - lat;
            const qx = x + (q.lon - lon) / 360;
            const qy = y + d * (ky1 + ky2 * d);
            lv = putSegment(l, lv, lx, ly, qx, qy, kind, false);
            last = q;
            lx = qx;
            ly = qy;
          }
        }
      }
    }
    ids.length = n;
    const trailsEnd = lv;
    // Velocity vectors: from the track to where it would be after vectorSeconds.
    for (let s = 0; s < n; s++) {
      if (Number.isNaN(this.vecX[s]!)) continue;
      if ((lv + 2) * lineStride > this.lines.length) this.lines = this.grown(this.lines, (lv + 2) * lineStride);
      const i = s * pointStride;
      lv = putSegment(this.lines, lv, this.points[i]!, this.points[i + 1]!, this.vecX[s]!, this.vecY[s]!, this.points[i + 2]!, false);
    }
    const vectorsEnd = lv;
    // Pilot lines: from the pilot to the drone, with the distance along for the dashes.
    for (let s = 0; s < n; s++) {
      if (Number.isNaN(this.pilotX[s]!)) continue;
      if ((lv + 2) * lineStride > this.lines.length) this.lines = this.grown(this.lines, (lv + 2) * lineStride);
      const i = s * pointStride;
      lv = putSegment(this.lines, lv, this.pilotX[s]!, this.pilotY[s]!, this.points[i]!, this.points[i + 1]!, pilotLineClass, true);
    }
    this.count = n;
    this.pilotCount = pilots;
    this.lineVertices = lv;
    this.ranges.trails.first = 0;
    this.ranges.trails.count = trailsEnd;
    this.ranges.vectors.first = trailsEnd;
    this.ranges.vectors.count = vectorsEnd - trailsEnd;
    this.ranges.pilotLines.first = vectorsEnd;
    this.ranges.pilotLines.count = lv - vectorsEnd;
    if (this.generation !== gen) this.generation = gen + 1;
    this.version++;
  }

  private grown(a: Float32Array<ArrayBuffer>, needed: number): Float32Array<ArrayBuffer> {
    this.generation++;
    return grow(a, needed);
  }
}

/** Writes the segment a→b as two line vertices at vertex `v`; returns the next vertex. */
function putSegment(l: Float32Array, v: number, ax: number, ay: number, bx: number, by: number, cls: number, along: boolean): number {
  let j = v * lineStride;
  l[j] = ax;
  l[j + 1] = ay;
  l[j + 2] = cls;
  l[j + 3] = 0;
  j += lineStride;
  l[j] = bx;
  l[j + 1] = by;
  l[j + 2] = cls;
  l[j + 3] = along ? Math.hypot(bx - ax, by - ay) : 0;
  return v + 2;
}
