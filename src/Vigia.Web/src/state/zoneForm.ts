import { heightRefs, zoneKinds, type ZoneFeature, type ZoneGeometry } from '../api/types';
import type { Key } from '../i18n/i18n';

/** The zone form's inputs, as typed. */
export interface ZoneFormValues {
  id: string;
  name: string;
  kind: string;
  floor: string;
  ceiling: string;
  heightRef: string;
  buffer: string;
  /** Circles only. */
  radius: string;
}

/** Where an error is shown: next to one of the form's fields, or above the buttons (`form`). */
export type FormSlot = 'id' | 'name' | 'kind' | 'floor_m' | 'ceiling_m' | 'height_ref' | 'buffer_m' | 'radius_m' | 'geometry' | 'form';

export interface FormError {
  slot: FormSlot;
  /** A console message … */
  key?: Key;
  /** … or the server's own words (422 field reasons, 409 details). */
  text?: string;
}

/** Widest buffer and radius the server accepts (ProtectedZone.MaxBufferMeters, CircleShape). */
export const maxBufferM = 100_000;
export const maxRadiusM = 100_000;

/** A number typed in a form field: NaN when empty or not a number (a comma is taken as the decimal point). */
export function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number.NaN : Number(t);
}

/**
 * A zone id from its name: lower case, accents dropped, anything else a hyphen (at most 48 characters), and
 * a `-2`, `-3`… suffix when taken. `zone` when the name has no letters or digits.
 */
export function zoneIdFrom(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/g, '') || 'zone';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The form and the drawn outline as the zone document to send, or what is wrong with them (the console's
 * own first check; the server checks again and its 422 names the field). `version` is the one being edited.
 */
export function buildZone(values: ZoneFormValues, geometry: ZoneGeometry | null, version?: number): { zone: ZoneFeature; errors: [] } | { zone: null; errors: FormError[] } {
  const errors: FormError[] = [];
  const id = values.id.trim();
  const name = values.name.trim();
  if (id === '') errors.push({ slot: 'id', key: 'zones.error.required' });
  else if (id.length > 64) errors.push({ slot: 'id', key: 'zones.error.idLength' });
  if (name === '') errors.push({ slot: 'name', key: 'zones.error.required' });
  if (!(zoneKinds as readonly string[]).includes(values.kind)) errors.push({ slot: 'kind', key: 'zones.error.kind' });
  if (!(heightRefs as readonly string[]).includes(values.heightRef)) errors.push({ slot: 'height_ref', key: 'zones.error.heightRef' });
  const floor = parseNumber(values.floor);
  const ceiling = parseNumber(values.ceiling);
  const buffer = values.buffer.trim() === '' ? 0 : parseNumber(values.buffer);
  if (Number.isNaN(floor)) errors.push({ slot: 'floor_m', key: 'zones.error.number' });
  if (Number.isNaN(ceiling)) errors.push({ slot: 'ceiling_m', key: 'zones.error.number' });
  else if (!Number.isNaN(floor) && ceiling <= floor) errors.push({ slot: 'ceiling_m', key: 'zones.error.ceiling' });
  if (Number.isNaN(buffer)) errors.push({ slot: 'buffer_m', key: 'zones.error.number' });
  else if (buffer < 0 || buffer > maxBufferM) errors.push({ slot: 'buffer_m', key: 'zones.error.buffer' });
  let radius = Number.NaN;
  if (geometry?.type === 'Point' || (!geometry && values.radius.trim() !== '')) {
    radius = parseNumber(values.radius);
    if (Number.isNaN(radius) || radius <= 0 || radius > maxRadiusM) errors.push({ slot: 'radius_m', key: 'zones.error.radius' });
  }
  if (!geometry) errors.push({ slot: 'geometry', key: 'zones.error.geometry' });
  if (errors.length > 0 || !geometry) return { zone: null, errors };
  const properties: ZoneFeature['properties'] = { id, name, kind: values.kind, floor_m: floor, ceiling_m: ceiling, height_ref: values.heightRef, buffer_m: buffer };
  if (geometry.type === 'Point') properties.radius_m = radius;
  if (version !== undefined) properties.version = version;
  return { zone: { type: 'Feature', geometry, properties }, errors: [] };
}

/**
 * The form field a server error names: `name`, `feature[0].floor_m`, `properties.id` → that field;
 * `polygon`, `polygon[3]`, `centre`, `geometry.*` → the outline; `radius_m` → the radius; anything else
 * (`version`, `document`, `features`) → the form as a whole.
 */
export function slotOf(field: string): FormSlot {
  const f = field.replace(/^feature\[\d+\]\./, '').replace(/^properties\./, '');
  if (f === 'id' || f === 'name' || f === 'kind' || f === 'floor_m' || f === 'ceiling_m' || f === 'height_ref' || f === 'buffer_m' || f === 'radius_m') return f;
  if (/^(polygon|centre|geometry)(\b|\[|\.|$)/.test(f)) return 'geometry';
  return 'form';
}

/** The form's values for an existing zone (editing it). */
export function valuesOf(zone: ZoneFeature): ZoneFormValues {
  const p = zone.properties;
  const num = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '');
  return {
    id: p.id,
    name: p.name ?? '',
    kind: String(p.kind ?? 'other'),
    floor: num(p.floor_m),
    ceiling: num(p.ceiling_m),
    heightRef: String(p.height_ref ?? 'agl'),
    buffer: num(p.buffer_m ?? 0),
    radius: num(p.radius_m),
  };
}

/** A new zone's starting values: 0–150 m above ground, 500 m buffer (a village against small drones). */
export function defaultValues(): ZoneFormValues {
  return { id: '', name: '', kind: 'village', floor: '0', ceiling: '150', heightRef: 'agl', buffer: '500', radius: '' };
}
