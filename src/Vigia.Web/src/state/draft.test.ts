import { describe, expect, it } from 'vitest';
import type { ZoneFeature } from '../api/types';
import { offset, type Position } from '../map/features';
import { distanceM } from '../map/zones';
import { Draft } from './draft';

const at = (east: number, north: number): Position => offset(-102.84, 19.19, east, north);
const parts = (d: Draft, buffer = 0) => d.features(buffer).features.map((f) => f.properties['part']);

describe('Draft: polygon', () => {
  it('adds a vertex per click, shows the rubber band, and closes on a double-click', () => {
    const d = new Draft('polygon');
    d.click(at(0, 0));
    d.moveTo(at(50, 0));
    expect(parts(d)).toEqual(['line', 'vertex']);
    d.click(at(100, 0));
    d.click(at(100, 100));
    // A double-click is two clicks at one spot, then the dblclick.
    d.click(at(0, 100));
    d.click(at(0, 100));
    d.doubleClick();
    expect(d.closed).toBe(true);
    expect(d.vertices).toHaveLength(4);
    expect(d.complete).toBe(true);
    const g = d.geometry()!;
    expect(g.type).toBe('Polygon');
    const ring = (g as { coordinates: number[][][] }).coordinates[0]!;
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(parts(d)).toEqual(['area', 'vertex', 'vertex', 'vertex', 'vertex']);
    // Clicks on a closed polygon add nothing.
    d.click(at(500, 500));
    expect(d.vertices).toHaveLength(4);
  });

  it('a click on the first vertex closes it (with three vertices or more)', () => {
    const d = new Draft('polygon');
    d.click(at(0, 0));
    d.click(at(100, 0), true); // only two: not closed, a vertex
    expect(d.closed).toBe(false);
    d.click(at(100, 100));
    d.click(at(0, 0), true);
    expect(d.closed).toBe(true);
    expect(d.vertices).toHaveLength(3);
    expect(d.features().features.filter((f) => f.properties['first'] === true)).toHaveLength(1);
  });

  it('cannot close with fewer than three distinct vertices; undo reopens then removes', () => {
    const d = new Draft('polygon');
    d.click(at(0, 0));
    d.click(at(100, 0));
    d.click(at(100, 0));
    expect(d.close()).toBe(false);
    expect(d.geometry()).toBeNull();
    d.click(at(100, 100));
    expect(d.close()).toBe(true);
    d.undo();
    expect(d.closed).toBe(false);
    expect(d.vertices).toHaveLength(3);
    d.undo();
    expect(d.vertices).toHaveLength(2);
    const v = d.version;
    d.reset();
    expect(d.vertices).toEqual([]);
    expect(d.version).toBeGreaterThan(v);
  });

  it('a closing vertex on top of the first is dropped', () => {
    const d = new Draft('polygon');
    for (const p of [at(0, 0), at(100, 0), at(100, 100), at(0, 0)]) d.click(p);
    expect(d.close()).toBe(true);
    expect(d.vertices).toHaveLength(3);
  });

  it('draws the buffer of a closed polygon when one is given', () => {
    const d = new Draft('polygon');
    for (const p of [at(0, 0), at(100, 0), at(100, 100)]) d.click(p);
    d.close();
    expect(parts(d, 50)).toContain('buffer');
    expect(parts(d, 0)).not.toContain('buffer');
  });
});

describe('Draft: circle', () => {
  it('press at the centre and drag out the radius', () => {
    const d = new Draft('circle');
    d.pressAt(at(0, 0));
    expect(d.isDragging).toBe(true);
    d.moveTo(at(300, 0));
    d.moveTo(at(0, 400));
    d.release();
    expect(d.radius).toBe(400);
    expect(d.complete).toBe(true);
    expect(d.geometry()).toEqual({ type: 'Point', coordinates: at(0, 0) });
    expect(parts(d, 100)).toEqual(['area', 'vertex', 'buffer']);
  });

  it('click the centre, then click the edge', () => {
    const d = new Draft('circle');
    d.click(at(0, 0));
    expect(d.radius).toBeNull();
    expect(d.complete).toBe(false);
    d.moveTo(at(0, 250));
    // The preview follows the pointer before the second click.
    const area = d.features().features.find((f) => f.properties['part'] === 'area')!;
    const ring = (area.geometry.coordinates as Position[][])[0]!;
    expect(distanceM(at(0, 0), ring[0]!)).toBeCloseTo(250, 0);
    d.click(at(250, 0));
    expect(d.radius).toBe(250);
    // A further click starts a new circle there.
    d.click(at(1000, 0));
    expect(d.radius).toBeNull();
    expect(distanceM(d.centre!, at(1000, 0))).toBeLessThan(0.01);
  });

  it('takes a typed centre and radius', () => {
    const d = new Draft('circle');
    d.setCentre(19.2, -102.85);
    d.setRadius(120);
    expect(d.geometry()).toEqual({ type: 'Point', coordinates: [-102.85, 19.2] });
    expect(d.complete).toBe(true);
    d.setRadius(Number.NaN);
    expect(d.complete).toBe(false);
    d.setCentre(Number.NaN, 3);
    expect(d.centre).toEqual([-102.85, 19.2]);
  });
});

describe('Draft.of (editing a zone)', () => {
  it('holds a polygon zone closed, and a circle with its radius', () => {
    const ring = [at(0, 0), at(100, 0), at(100, 100), at(0, 0)];
    const poly: ZoneFeature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: 'p', name: 'P', kind: 'village', floor_m: 0, ceiling_m: 1, height_ref: 'agl' } };
    const d = Draft.of(poly);
    expect(d.shape).toBe('polygon');
    expect(d.closed).toBe(true);
    expect(d.vertices).toHaveLength(3);
    const c = Draft.of({ type: 'Feature', geometry: { type: 'Point', coordinates: [-102.8, 19.1] }, properties: { id: 'c', name: 'C', kind: 'school', floor_m: 0, ceiling_m: 1, height_ref: 'agl', radius_m: 250 } });
    expect(c.shape).toBe('circle');
    expect(c.radius).toBe(250);
    expect(c.complete).toBe(true);
  });
});
