import type { Sensor } from '../api/types';
import { language, num, t, type Key } from '../i18n/i18n';
import { clock } from './alertFormat';
import { metres, none, seconds } from './format';

// What one row of the sensor panel shows, as text: the panel draws it and redraws a row only when its view
// changed (sensorKey). The inputs' details (a radar's ASTERIX SAC/SICs, a SAPIENT node, an ADS-B receiver)
// come from additive fields the server may leave out; a missing or malformed field shows nothing.

/** One value: its text, an optional hover text, and whether it deserves attention (rejections, errors). */
export interface Cell {
  text: string;
  title?: string;
  warn?: boolean;
}

/** One SAC/SIC of a radar: source, plots (or system tracks), duplicates, rejected, last record age; the reasons. */
export interface AsterixLine {
  source: Cell;
  reports: Cell;
  duplicates: Cell;
  rejected: Cell;
  lastRecord: Cell;
  /** The rejection reasons with their counts, for the expanded view ('' when none). */
  reasons: string;
}

export type InputView =
  | { kind: 'asterix'; summary: string; lines: AsterixLine[] }
  | { kind: 'sapient' | 'adsb'; summary: string; rows: Array<[label: string, value: Cell]> };

export interface SensorView {
  id: string;
  kind: string;
  state: 'up' | 'degraded' | 'down' | 'revoked';
  stateText: string;
  rows: Array<[label: string, value: string]>;
  inputs: InputView[];
}

const states = new Set(['up', 'degraded', 'down', 'revoked']);
const healthStates = new Set(['up', 'degraded', 'down']);
const roles = new Set(['radar', 'system_tracks', 'unconfigured', 'unattributed']);
/** The ASTERIX rejection reasons the server documents (README, "Radar (ASTERIX), ADS-B and SAPIENT sensors"). */
export const asterixReasons = ['unknown_source', 'no_position', 'no_detection', 'no_time', 'test_target', 'simulated', 'no_picture_frame', 'not_mapped', 'implausible_value'] as const;
const knownReasons = new Set<string>(asterixReasons);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A short server string, or '' (not a string, empty, absurdly long texts cut). */
const text = (v: unknown, max = 80): string => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const countText = (v: unknown): string => (isCount(v) ? num(v) : '');
const cell = (t: string, title?: string, warn?: boolean): Cell => ({ text: t, ...(title ? { title } : {}), ...(warn ? { warn } : {}) });

/** The sum of the counts present, or null when none is. */
function sum(values: readonly unknown[]): number | null {
  let total: number | null = null;
  for (const v of values) if (isCount(v)) total = (total ?? 0) + v;
  return total;
}

export function reasonName(reason: string): string {
  return knownReasons.has(reason) ? t(`sensor.reason.${reason}` as Key) : reason.slice(0, 40);
}

/** The rejected-by-reason counts, largest first, or null when the field is missing or not an object. */
export function rejections(rejected: unknown): Array<[reason: string, count: number]> | null {
  if (!isObject(rejected)) return null;
  return Object.entries(rejected)
    .filter((e): e is [string, number] => e[0] !== '' && isCount(e[1]))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function asterixLine(entry: Record<string, unknown>): AsterixLine {
  const role = typeof entry['role'] === 'string' && roles.has(entry['role']) ? entry['role'] : '';
  const sac = entry['sac'];
  const sic = entry['sic'];
  const label = Number.isInteger(sac) && Number.isInteger(sic) ? `${String(sac)}/${String(sic)}` : role === 'unattributed' ? t('sensor.asterix.role.unattributed') : '';
  const reports = sum([entry['plots'], entry['system_tracks']]);
  const reasons = rejections(entry['rejected']);
  const rejected = reasons === null ? null : reasons.reduce((n, [, c]) => n + c, 0);
  const reasonText = reasons === null ? '' : reasons.map(([r, c]) => `${reasonName(r)} ${num(c)}`).join(', ');
  const age = entry['last_record_age_s'];
  const tod = text(entry['last_time_of_day'], 16);
  return {
    source: cell(label, role ? t(`sensor.asterix.role.${role}` as Key) : undefined),
    reports: cell(reports === null ? '' : num(reports)),
    duplicates: cell(countText(entry['duplicates'])),
    rejected: cell(rejected === null ? '' : num(rejected), reasonText || undefined, (rejected ?? 0) > 0),
    lastRecord: cell(typeof age === 'number' && Number.isFinite(age) ? seconds(age, 1) : '', tod ? t('sensor.asterix.timeOfDay', { time: tod }) : undefined),
    reasons: reasonText ? t('sensor.asterix.reasons', { list: reasonText }) : '',
  };
}

/** A radar's SAC/SICs, or null when the sensor has none readable (or the field is not a list). */
export function asterixView(asterix: unknown): InputView | null {
  if (!Array.isArray(asterix)) return null;
  // An entry with nothing readable gives no line.
  const entries = asterix.filter(isObject).filter((e) => {
    const l = asterixLine(e);
    return [l.source, l.reports, l.duplicates, l.rejected, l.lastRecord].some((c) => c.text !== '');
  });
  if (entries.length === 0) return null;
  const lines = entries.map(asterixLine);
  const reports = sum(entries.flatMap((e) => [e['plots'], e['system_tracks']])) ?? 0;
  const rejected = entries.reduce((n, e) => n + (rejections(e['rejected']) ?? []).reduce((m, [, c]) => m + c, 0), 0);
  return { kind: 'asterix', summary: t('sensor.asterix.summary', { n: num(lines.length), reports: num(reports), rejected: num(rejected) }), lines };
}

/** A SAPIENT node's connection, health, ICD version, system/mode, accepted and rejected, or null when absent (or unreadable). */
export function sapientView(node: unknown): InputView | null {
  if (!isObject(node)) return null;
  const rows: Array<[string, Cell]> = [];
  const add = (key: Key, value: Cell) => {
    if (value.text !== '') rows.push([t(key), value]);
  };
  const connected = node['connected'];
  const connection = typeof connected === 'boolean' ? t(connected ? 'sensor.sapient.connected' : 'sensor.sapient.disconnected') : '';
  const health = typeof node['health'] === 'string' && healthStates.has(node['health']) ? node['health'] : '';
  const reason = text(node['health_reason']);
  const healthText = health ? t(`sensor.state.${health}` as Key) + (reason && reason !== 'ok' ? ` (${reason})` : '') : '';
  const mode = [text(node['system'], 40), text(node['mode'], 40)].filter((s) => s !== '').join(' · ');
  const rejected = node['rejected'];
  const lastRejection = text(node['last_rejection'], 60);
  const at = typeof node['last_rejected_at'] === 'string' ? clock(node['last_rejected_at'], language()) : '';
  add('sensor.sapient.name', cell(text(node['name']), text(node['node_id'], 40) || undefined));
  add('sensor.sapient.connection', cell(connection, text(node['remote_end_point'], 60) || undefined, connected === false));
  add('sensor.sapient.health', cell(healthText, reason || undefined, health !== '' && health !== 'up'));
  add('sensor.sapient.icd', cell(text(node['icd_version'])));
  add('sensor.sapient.mode', cell(mode));
  add('sensor.sapient.accepted', cell(countText(node['detections_accepted'])));
  add('sensor.sapient.rejected', cell(countText(rejected), undefined, isCount(rejected) && rejected > 0));
  add('sensor.sapient.lastRejection', cell(lastRejection ? (at ? `${lastRejection} (${at})` : lastRejection) : ''));
  const summary = ['SAPIENT', connection, health ? t(`sensor.state.${health}` as Key) : '', isCount(rejected) && rejected > 0 ? t('sensor.sapient.rejectedN', { n: num(rejected) }) : '']
    .filter((s) => s !== '')
    .join(' · ');
  return rows.length > 0 ? { kind: 'sapient', summary, rows } : null;
}

/** An ADS-B receiver's connection state, CRC errors, frames and decoded, or null when absent (or unreadable). */
export function adsbView(adsb: unknown): InputView | null {
  if (!isObject(adsb)) return null;
  const state = typeof adsb['connection'] === 'string' && healthStates.has(adsb['connection']) ? adsb['connection'] : '';
  const connection = state ? t(`sensor.adsb.${state}` as Key) : '';
  const crc = adsb['crc_errors'];
  const rows: Array<[string, Cell]> = [];
  const add = (key: Key, value: Cell) => {
    if (value.text !== '') rows.push([t(key), value]);
  };
  add('sensor.adsb.connection', cell(connection, undefined, state !== '' && state !== 'up'));
  add('sensor.adsb.crc', cell(countText(crc), undefined, isCount(crc) && crc > 0));
  add('sensor.adsb.frames', cell(countText(adsb['frames'])));
  add('sensor.adsb.decoded', cell(countText(adsb['decoded'])));
  const summary = ['ADS-B', connection, isCount(crc) ? t('sensor.adsb.crcN', { n: num(crc) }) : ''].filter((s) => s !== '').join(' · ');
  return rows.length > 0 ? { kind: 'adsb', summary, rows } : null;
}

/** Everything one sensor row shows, as text. */
export function sensorView(s: Sensor): SensorView {
  const state = states.has(s.state) ? (s.state as SensorView['state']) : 'down';
  const count = (key: Key, v: unknown): [string, string] => [t(key), isCount(v) ? num(v) : none()];
  const age = s.last_message_age_s;
  const rows: Array<[string, string]> = [
    [t('sensor.lastMessage'), typeof age === 'number' ? seconds(age, 1) : t('sensor.never')],
    [t('sensor.rate'), typeof s.rate === 'number' && Number.isFinite(s.rate) ? t('unit.perS', { v: num(s.rate, 1) }) : none()],
    count('sensor.accepted', s.accepted),
    count('sensor.duplicates', s.duplicates),
    count('sensor.refused', s.refused),
    count('sensor.late', s.late),
    count('sensor.reordered', s.reordered),
    count('sensor.dropped', s.dropped),
    [t('sensor.clock'), seconds(s.clock_offset_s, 2)],
  ];
  if (typeof s.range_m === 'number') rows.push([t('sensor.range'), metres(s.range_m)]);
  const inputs = [asterixView(s.asterix), sapientView(s.sapient), adsbView(s.adsb)].filter((v): v is InputView => v !== null);
  return { id: s.id, kind: typeof s.kind === 'string' ? s.kind : '', state, stateText: t(`sensor.state.${state}` as Key), rows, inputs };
}

/** What a row's redraw depends on: equal keys, same row. */
export function viewKey(view: SensorView): string {
  return JSON.stringify(view);
}

/**
 * What to redraw: nothing when every row is as drawn; else the rows whose key changed, and the whole list
 * when the sensors (or their order) changed.
 */
export function planRedraw(drawn: ReadonlyArray<readonly [id: string, key: string]>, next: ReadonlyArray<readonly [id: string, key: string]>): { list: boolean; rows: string[] } {
  const sameIds = drawn.length === next.length && drawn.every(([id], i) => next[i]?.[0] === id);
  if (!sameIds) return { list: true, rows: next.map(([id]) => id) };
  return { list: false, rows: next.filter(([, key], i) => drawn[i]?.[1] !== key).map(([id]) => id) };
}
