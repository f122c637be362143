import type { ZoneFeature, ZoneGeometry } from '../api/types';
import { circle, type FeatureCollection, type Position } from '../map/features';
import { bufferRing, circleSteps, distanceM } from '../map/zones';

export type DraftShape = 'polygon' | 'circle';

/** Vertices closer than this (m) to the previous one are the same click (a double-click's second click). */
const sameVertexM = 0.5;

/**
 * A zone outline being drawn (pure state; the map feeds it clicks and moves, the form reads it).
 * Polygon: each click adds a vertex; a double-click, a click on the first vertex or `close()` closes it
 * (three distinct vertices at least). Circle: press at the centre and drag out the radius, or click the
 * centre and click again at the edge, or type either.
 */
export class Draft {
  vertices: Position[] = [];
  closed = false;
  centre: Position | null = null;
  radius: number | null = null;
  /** Where the pointer is (the rubber band to it while drawing). */
  cursor: Position | null = null;
  /** Bumped on every change, so the map redraws the draft only when it changed. */
  version = 0;
  private dragging = false;

  constructor(public shape: DraftShape) {}

  /** A draft holding an existing zone's outline (editing it). */
  static of(zone: ZoneFeature): Draft {
    const g = zone.geometry;
    if (g.type === 'Point') {
      const d = new Draft('circle');
      d.centre = [g.coordinates[0]!, g.coordinates[1]!];
      d.radius = typeof zone.properties.radius_m === 'number' ? zone.properties.radius_m : null;
      return d;
    }
    const d = new Draft('polygon');
    const ring = (g.coordinates[0] ?? []).map((p): Position => [p[0]!, p[1]!]);
    const last = ring[ring.length - 1];
    if (ring.length > 1 && last && last[0] === ring[0]![0] && last[1] === ring[0]![1]) ring.pop();
    d.vertices = ring;
    d.closed = ring.length >= 3;
    return d;
  }

  /** A click at `p`; `onFirstVertex` when it landed on the first vertex's marker (closes a polygon). */
  click(p: Position, onFirstVertex = false): void {
    if (this.shape === 'polygon') {
      if (this.closed) return;
      if (onFirstVertex && this.distinctVertices() >= 3) {
        this.close();
        return;
      }
      const last = this.vertices[this.vertices.length - 1];
      if (last && distanceM(last, p) < sameVertexM) return;
      this.vertices.push(p);
      this.changed();
    } else {
      this.pressAt(p);
      this.release();
    }
  }

  /** A double-click closes a polygon (its two clicks at one spot added one vertex). */
  doubleClick(): void {
    if (this.shape === 'polygon') this.close();
  }

  /** Closes the polygon; false (and still open) with fewer than three distinct vertices. */
  close(): boolean {
    if (this.shape !== 'polygon') return false;
    this.vertices = this.vertices.filter((p, i, all) => i === 0 || distanceM(all[i - 1]!, p) >= sameVertexM);
    const first = this.vertices[0];
    const last = this.vertices[this.vertices.length - 1];
    if (this.vertices.length > 1 && first && last && distanceM(first, last) < sameVertexM) this.vertices.pop();
    if (this.vertices.length < 3) return false;
    this.closed = true;
    this.cursor = null;
    this.changed();
    return true;
  }

  /** Takes back the last vertex (a closed polygon opens again). */
  undo(): void {
    if (this.shape !== 'polygon') return;
    if (this.closed) this.closed = false;
    else this.vertices.pop();
    this.changed();
  }

  /** Starts again with nothing drawn. */
  reset(shape: DraftShape = this.shape): void {
    this.shape = shape;
    this.vertices = [];
    this.closed = false;
    this.centre = null;
    this.radius = null;
    this.cursor = null;
    this.dragging = false;
    this.changed();
  }

  /**
   * Pointer pressed (circle): with a centre and no radius yet, here is the edge (the radius is set);
   * otherwise the centre is here, and a drag from it sets the radius.
   */
  pressAt(p: Position): void {
    if (this.shape !== 'circle') return;
    if (this.centre && this.radius === null) {
      const r = Math.round(distanceM(this.centre, p));
      if (r >= 1) {
        this.radius = r;
        this.cursor = null;
        this.changed();
        return;
      }
    }
    this.centre = p;
    this.radius = null;
    this.cursor = null;
    this.dragging = true;
    this.changed();
  }

  /** Pointer moved: the rubber band, or the radius being dragged. */
  moveTo(p: Position): void {
    if (this.shape === 'circle' && this.dragging && this.centre) {
      this.radius = Math.round(distanceM(this.centre, p));
      this.changed();
      return;
    }
    if ((this.shape === 'polygon' && !this.closed && this.vertices.length > 0) || (this.shape === 'circle' && this.centre && this.radius === null)) {
      this.cursor = p;
      this.changed();
    }
  }

  /** Pointer released: a drag of a metre or more fixed the radius; less was a click (the centre only). */
  release(): void {
    if (!this.dragging) return;
    this.dragging = false;
    if (this.radius !== null && this.radius < 1) this.radius = null;
    this.changed();
  }

  get isDragging(): boolean {
    return this.dragging;
  }

  setCentre(lat: number, lon: number): void {
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    this.centre = [lon, lat];
    this.changed();
  }

  setRadius(metres: number): void {
    this.radius = Number.isFinite(metres) ? metres : null;
    this.changed();
  }

  /** The outline as GeoJSON, or the problem that stops it: `incomplete` (nothing usable drawn yet). */
  geometry(): ZoneGeometry | null {
    if (this.shape === 'circle') return this.centre ? { type: 'Point', coordinates: [this.centre[0], this.centre[1]] } : null;
    if (!this.closed || this.vertices.length < 3) return null;
    const ring = this.vertices.map((p) => [p[0], p[1]]);
    ring.push([this.vertices[0]![0], this.vertices[0]![1]]);
    return { type: 'Polygon', coordinates: [ring] };
  }

  /** Whether the outline is complete enough to save (a closed polygon; a circle with centre and radius). */
  get complete(): boolean {
    return this.shape === 'circle' ? this.centre !== null && this.radius !== null && this.radius > 0 : this.closed && this.vertices.length >= 3;
  }

  /**
   * The draft as map data, told apart by `part`: `area` (the closed polygon or the circle), `line` (the open
   * polygon's edges and the rubber band to the pointer), `vertex` (each vertex, `first` for the one that
   * closes) and `buffer` (the watch buffer of `bufferM`, drawing only).
   */
  features(bufferM = 0): FeatureCollection {
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
    const add = (part: string, geometry: { type: string; coordinates: unknown }, extra: Record<string, unknown> = {}) =>
      fc.features.push({ type: 'Feature', properties: { part, ...extra }, geometry });
    let ring: Position[] | null = null;
    if (this.shape === 'polygon') {
      if (this.closed) {
        ring = [...this.vertices, this.vertices[0]!];
        add('area', { type: 'Polygon', coordinates: [ring] });
      } else if (this.vertices.length > 0) {
        const line = this.cursor ? [...this.vertices, this.cursor] : this.vertices;
        if (line.length >= 2) add('line', { type: 'LineString', coordinates: line });
      }
      this.vertices.forEach((p, i) => add('vertex', { type: 'Point', coordinates: p }, { first: i === 0 }));
    } else if (this.centre) {
      const radius = this.radius ?? (this.cursor ? distanceM(this.centre, this.cursor) : 0);
      if (radius > 0) {
        ring = circle(this.centre[0], this.centre[1], radius, circleSteps);
        add('area', { type: 'Polygon', coordinates: [ring] });
      }
      add('vertex', { type: 'Point', coordinates: this.centre }, { first: false });
    }
    if (ring && bufferM > 0) {
      const geometry = this.geometry();
      const buffer = geometry ? bufferRing({ type: 'Feature', geometry, properties: { id: '', name: '', kind: 'other', floor_m: 0, ceiling_m: 1, height_ref: 'agl', buffer_m: bufferM, radius_m: this.radius ?? 0 } }) : null;
      if (buffer) add('buffer', { type: 'LineString', coordinates: buffer });
    }
    return fc;
  }

  private distinctVertices(): number {
    return this.vertices.filter((p, i, all) => i === 0 || distanceM(all[i - 1]!, p) >= sameVertexM).length;
  }

  private changed(): void {
    this.version++;
  }
}
