import { describe, expect, it } from 'vitest';
import type { ZoneGeometry } from '../api/types';
import { buildZone, defaultValues, parseNumber, slotOf, valuesOf, zoneIdFrom, type ZoneFormValues } from './zoneForm';

const square: ZoneGeometry = { type: 'Polygon', coordinates: [[[-102.81, 19.08], [-102.8, 19.08], [-102.8, 19.09], [-102.81, 19.08]]] };
const point: ZoneGeometry = { type: 'Point', coordinates: [-102.85, 19.07] };
const form = (over: Partial<ZoneFormValues> = {}): ZoneFormValues => ({ ...defaultValues(), id: 'el-bejuco', name: 'El Bejuco', ...over });

describe('parseNumber', () => {
  it('reads numbers with a point or a comma; anything else is NaN', () => {
    expect([parseNumber('150'), parseNumber(' 12.5 '), parseNumber('12,5'), parseNumber('-3'), parseNumber('1e3')]).toEqual([150, 12.5, 12.5, -3, 1000]);
    for (const bad of ['', ' ', 'abc', '12m', '1.2.3', '0x10']) expect(parseNumber(bad), bad).toBeNaN();
  });
});

describe('zoneIdFrom', () => {
  it('makes an id from the name, accents dropped, unique among the taken ones', () => {
    expect(zoneIdFrom('Escuela Primaria «Benito Juárez»', new Set())).toBe('escuela-primaria-benito-juarez');
    expect(zoneIdFrom('El Bejuco', new Set(['el-bejuco', 'el-bejuco-2']))).toBe('el-bejuco-3');
    expect(zoneIdFrom('¡¿?!', new Set())).toBe('zone');
    expect(zoneIdFrom('x'.repeat(80), new Set()).length).toBe(48);
  });
});

describe('buildZone', () => {
  it('builds a polygon zone with its band and buffer', () => {
    const r = buildZone(form({ floor: '0', ceiling: '150', buffer: '1000', kind: 'village', heightRef: 'agl' }), square);
    expect(r.errors).toEqual([]);
    expect(r.zone).toEqual({
      type: 'Feature',
      geometry: square,
      properties: { id: 'el-bejuco', name: 'El Bejuco', kind: 'village', floor_m: 0, ceiling_m: 150, height_ref: 'agl', buffer_m: 1000 },
    });
  });

  it('builds a circle zone with radius_m, and names the version being edited', () => {
    const r = buildZone(form({ radius: '250', buffer: '', kind: 'school' }), point, 3);
    expect(r.zone?.properties).toMatchObject({ radius_m: 250, buffer_m: 0, version: 3, kind: 'school' });
    expect(r.zone?.geometry).toEqual(point);
  });

  it('names every field that is wrong', () => {
    const r = buildZone(form({ id: ' ', name: '', kind: 'castle', floor: 'x', ceiling: '', heightRef: 'baro', buffer: '-1' }), null);
    expect(r.zone).toBeNull();
    expect(r.errors.map((e) => `${e.slot}:${e.key}`)).toEqual([
      'id:zones.error.required',
      'name:zones.error.required',
      'kind:zones.error.kind',
      'height_ref:zones.error.heightRef',
      'floor_m:zones.error.number',
      'ceiling_m:zones.error.number',
      'buffer_m:zones.error.buffer',
      'geometry:zones.error.geometry',
    ]);
  });

  it('wants the ceiling above the floor, a positive radius and an id of at most 64 characters', () => {
    expect(buildZone(form({ floor: '100', ceiling: '100' }), square).errors.map((e) => e.slot)).toEqual(['ceiling_m']);
    expect(buildZone(form({ radius: '0' }), point).errors.map((e) => e.slot)).toEqual(['radius_m']);
    expect(buildZone(form({ radius: '' }), point).errors.map((e) => e.slot)).toEqual(['radius_m']);
    expect(buildZone(form({ id: 'x'.repeat(65) }), square).errors.map((e) => e.key)).toEqual(['zones.error.idLength']);
    expect(buildZone(form({ buffer: '100001' }), square).errors.map((e) => e.slot)).toEqual(['buffer_m']);
  });
});

describe('slotOf (server field → form field)', () => {
  it('maps the server\'s field names onto the form', () => {
    expect(slotOf('name')).toBe('name');
    expect(slotOf('feature[0].floor_m')).toBe('floor_m');
    expect(slotOf('properties.id')).toBe('id');
    expect(slotOf('polygon')).toBe('geometry');
    expect(slotOf('polygon[3]')).toBe('geometry');
    expect(slotOf('centre')).toBe('geometry');
    expect(slotOf('geometry.coordinates')).toBe('geometry');
    expect(slotOf('radius_m')).toBe('radius_m');
    expect(slotOf('version')).toBe('form');
    expect(slotOf('document')).toBe('form');
    expect(slotOf('polygonal')).toBe('form');
  });
});

describe('valuesOf', () => {
  it('fills the form from a zone', () => {
    expect(valuesOf({ type: 'Feature', geometry: point, properties: { id: 'e', name: 'Escuela', kind: 'school', floor_m: 0, ceiling_m: 120, height_ref: 'msl', buffer_m: 500, radius_m: 250, version: 2 } }))
      .toEqual({ id: 'e', name: 'Escuela', kind: 'school', floor: '0', ceiling: '120', heightRef: 'msl', buffer: '500', radius: '250' });
  });
});
