import { afterEach, describe, expect, it } from 'vitest';
import type { Sensor } from '../api/types';
import { en } from '../i18n/dictionaries';
import { setLanguage } from '../i18n/i18n';
import { adsbView, asterixReasons, asterixView, planRedraw, sapientView, sensorView, viewKey, type InputView } from './sensorView';

afterEach(() => setLanguage('es'));

// The README's examples ("Radar (ASTERIX), ADS-B and SAPIENT sensors").
const radar201 = {
  sac: 25, sic: 201, sensor: 'radar-201', role: 'radar', records: 30, plots: 14, system_tracks: 0, service_messages: 1, duplicates: 15,
  malformed: 0, unsupported: 0, observations: 14, rejected: {}, last_record_age_s: 1.7, last_time_of_day: '07:35:55.062',
};
const node = {
  node_id: '6513270e-269e-4d37-b2a7-4de452e6b438', name: 'Mástil norte', node_types: ['NODE_TYPE_RADAR'], icd_version: 'BSI Flex 335 v2.0',
  registered_at: '2026-11-25T23:50:01.2Z', connected: true, remote_end_point: '127.0.0.1:50412', health: 'up', health_reason: 'ok',
  system: 'SYSTEM_OK', mode: 'Default', status_interval_s: 5, last_status_age_s: 1.2, messages: 3, detections_accepted: 1, rejected: 1,
  last_rejection: 'InvalidUlid', last_rejected_at: '2026-11-25T23:50:02.4Z',
};
const receiver = {
  connection: 'up', connects: 1, connect_failures: 0, disconnects: 0, frames: 278, decoded: 277, crc_errors: 1, framing_errors: 0,
  bytes_skipped: 0, malformed: 0, unsupported: 0, observations: 60,
};
const base: Sensor = { id: 'radar-201', kind: 'radar', state: 'up', last_message_age_s: 0.4, rate: 2, accepted: 14, duplicates: 0, refused: 0, clock_offset_s: 0 };

const asterix = (v: InputView | null) => {
  if (v?.kind !== 'asterix') throw new Error(`not an ASTERIX view: ${JSON.stringify(v)}`);
  return v;
};
const rows = (v: InputView | null) => {
  if (!v || v.kind === 'asterix') throw new Error(`not a row view: ${JSON.stringify(v)}`);
  return Object.fromEntries(v.rows.map(([label, c]) => [label, c]));
};

describe('asterixView', () => {
  it('shows each SAC/SIC with plots, duplicates, rejected and last record age', () => {
    setLanguage('en');
    const v = asterix(asterixView([radar201]));
    expect(v.summary).toBe('ASTERIX · SAC/SIC: 1 · plots: 14 · rejected: 0');
    expect(v.lines).toEqual([{
      source: { text: '25/201', title: 'radar plots (CAT-048)' },
      reports: { text: '14' },
      duplicates: { text: '15' },
      rejected: { text: '0' },
      lastRecord: { text: '1.7 s', title: 'source clock 07:35:55.062 UTC' },
      reasons: '',
    }]);
  });

  it('sums the rejections and names their reasons, largest first, in the UI language', () => {
    setLanguage('en');
    const rejected = { no_position: 3, test_target: 1, some_new_reason: 2 };
    const v = asterix(asterixView([{ ...radar201, rejected }, { sac: 25, sic: 202, role: 'system_tracks', plots: 0, system_tracks: 40, duplicates: 2, rejected: { not_mapped: 1000 } }]));
    expect(v.summary).toBe('ASTERIX · SAC/SIC: 2 · plots: 54 · rejected: 1,006');
    expect(v.lines[0]?.rejected).toEqual({ text: '6', title: 'no position 3, some_new_reason 2, test target 1', warn: true });
    expect(v.lines[0]?.reasons).toBe('Rejected: no position 3, some_new_reason 2, test target 1');
    expect(v.lines[1]?.source).toEqual({ text: '25/202', title: 'system tracks (CAT-062)' });
    expect(v.lines[1]?.reports.text).toBe('40');
    setLanguage('es');
    const es = asterix(asterixView([{ ...radar201, rejected }]));
    expect(es.lines[0]?.reasons).toBe('Rechazados: sin posición 3, some_new_reason 2, blanco de prueba 1');
    expect(es.summary).toBe('ASTERIX · SAC/SIC: 1 · plots: 14 · rechazados: 6');
  });

  it('shows nothing for missing or malformed fields, and no detail without a list', () => {
    expect(asterixView(undefined)).toBeNull();
    expect(asterixView(null)).toBeNull();
    expect(asterixView({ sac: 25 })).toBeNull();
    expect(asterixView([])).toBeNull();
    expect(asterixView([null, 5, 'x'])).toBeNull();
    const junk = { sac: 'a', sic: 1, role: 42, plots: 'many', duplicates: -1, rejected: [1, 2], last_record_age_s: 'soon', last_time_of_day: 7 };
    expect(asterixView([null, junk])).toBeNull();
    const v = asterix(asterixView([null, { ...junk, duplicates: 4 }]));
    expect(v.lines).toEqual([{ source: { text: '' }, reports: { text: '' }, duplicates: { text: '4' }, rejected: { text: '' }, lastRecord: { text: '' }, reasons: '' }]);
    expect(v.summary).toBe('ASTERIX · SAC/SIC: 1 · plots: 0 · rechazados: 0');
    const odd = asterix(asterixView([{ rejected: { no_time: 'x', '': 4, no_position: Number.NaN, test_target: 2 } }]));
    expect(odd.lines[0]?.rejected.text).toBe('2');
  });

  it('has a text for every rejection reason the server documents', () => {
    for (const r of asterixReasons) expect(`sensor.reason.${r}` in en, r).toBe(true);
  });
});

describe('sapientView', () => {
  it('shows connection, health, ICD version, system and mode, accepted, rejected and the last rejection', () => {
    setLanguage('en');
    const v = sapientView(node);
    expect(v?.summary).toBe('SAPIENT · connected · up · rejected: 1');
    const r = rows(v);
    expect(r['Connection']).toEqual({ text: 'connected', title: '127.0.0.1:50412' });
    expect(r['Health']).toEqual({ text: 'up', title: 'ok' });
    expect(r['ICD version']?.text).toBe('BSI Flex 335 v2.0');
    expect(r['System / mode']?.text).toBe('SYSTEM_OK · Default');
    expect(r['Detections accepted']?.text).toBe('1');
    expect(r['Rejected']).toEqual({ text: '1', warn: true });
    expect(r['Last rejection']?.text).toMatch(/^InvalidUlid \(\d\d:\d\d:\d\d\)$/);
    expect(r['Node']).toEqual({ text: 'Mástil norte', title: node.node_id });
  });

  it('marks a lost node, in Spanish', () => {
    setLanguage('es');
    const v = sapientView({ ...node, connected: false, health: 'down', health_reason: 'disconnected', rejected: 0, last_rejection: null, last_rejected_at: null });
    expect(v?.summary).toBe('SAPIENT · desconectado · caído');
    const r = rows(v);
    expect(r['Conexión']).toEqual({ text: 'desconectado', title: '127.0.0.1:50412', warn: true });
    expect(r['Salud']).toEqual({ text: 'caído (disconnected)', title: 'disconnected', warn: true });
    expect(r['Rechazados']).toEqual({ text: '0' });
    expect(r['Último rechazo']).toBeUndefined();
  });

  it('shows nothing for missing or malformed fields', () => {
    expect(sapientView(undefined)).toBeNull();
    expect(sapientView('node')).toBeNull();
    expect(sapientView([node])).toBeNull();
    const v = sapientView({ connected: 'yes', health: 'splendid', icd_version: 3, system: {}, mode: ['x'], detections_accepted: 'n', rejected: -2, last_rejection: 5, last_rejected_at: 'yesterday' });
    expect(v).toBeNull();
    expect(rows(sapientView({ last_rejection: 'MissingObjectId', last_rejected_at: 'never' }))['Último rechazo']?.text).toBe('MissingObjectId');
  });
});

describe('adsbView', () => {
  it('shows the connection state and CRC errors', () => {
    setLanguage('en');
    const v = adsbView(receiver);
    expect(v?.summary).toBe('ADS-B · connected · CRC errors: 1');
    expect(rows(v)).toEqual({ Connection: { text: 'connected' }, 'CRC errors': { text: '1', warn: true }, Frames: { text: '278' }, Decoded: { text: '277' } });
    setLanguage('es');
    const down = adsbView({ ...receiver, connection: 'down', crc_errors: 0 });
    expect(down?.summary).toBe('ADS-B · sin conexión · errores CRC: 0');
    expect(rows(down)['Conexión']).toEqual({ text: 'sin conexión', warn: true });
  });

  it('shows nothing for missing or malformed fields', () => {
    expect(adsbView(null)).toBeNull();
    expect(adsbView(7)).toBeNull();
    expect(adsbView({ connection: 'sideways', crc_errors: '1', frames: Infinity })).toBeNull();
    expect(adsbView({ crc_errors: 3 })).toEqual({ kind: 'adsb', summary: 'ADS-B · errores CRC: 3', rows: [['Errores CRC', { text: '3', warn: true }]] });
  });
});

describe('sensorView', () => {
  it('gives each sensor the details of its inputs, none to a plain one, and survives junk', () => {
    expect(sensorView(base).inputs).toEqual([]);
    expect(sensorView({ ...base, asterix: [radar201] }).inputs.map((i) => i.kind)).toEqual(['asterix']);
    expect(sensorView({ ...base, id: 'adsb-1', kind: 'adsb', adsb: receiver }).inputs.map((i) => i.kind)).toEqual(['adsb']);
    const junk = { ...base, state: 7, kind: null, accepted: 'x', asterix: 'x', sapient: 3, adsb: [] } as unknown as Sensor;
    const v = sensorView(junk);
    expect(v.inputs).toEqual([]);
    expect(v.state).toBe('down');
    expect(v.kind).toBe('');
  });
});

describe('redraw', () => {
  const keys = (sensors: Sensor[]) => sensors.map((s) => [s.id, viewKey(sensorView(s))] as const);
  const radar = { ...base, asterix: [radar201] };
  const adsb: Sensor = { ...base, id: 'adsb-1', kind: 'adsb', adsb: receiver };

  it('redraws nothing when nothing shown changed, only the row that changed otherwise', () => {
    const drawn = keys([radar, adsb]);
    expect(planRedraw(drawn, keys([{ ...radar }, { ...adsb, adsb: { ...receiver } }]))).toEqual({ list: false, rows: [] });
    // A counter the panel does not show changes nothing.
    expect(planRedraw(drawn, keys([radar, { ...adsb, adsb: { ...receiver, bytes_skipped: 9 } }]))).toEqual({ list: false, rows: [] });
    expect(planRedraw(drawn, keys([radar, { ...adsb, adsb: { ...receiver, crc_errors: 2 } }]))).toEqual({ list: false, rows: ['adsb-1'] });
    expect(planRedraw(drawn, keys([{ ...radar, asterix: [{ ...radar201, last_record_age_s: 2.7 }] }, adsb]))).toEqual({ list: false, rows: ['radar-201'] });
  });

  it('redraws the list when the sensors or their order change, and every row when the language does', () => {
    const drawn = keys([radar, adsb]);
    expect(planRedraw(drawn, keys([adsb, radar])).list).toBe(true);
    expect(planRedraw(drawn, keys([radar])).list).toBe(true);
    expect(planRedraw([], keys([radar])).list).toBe(true);
    setLanguage('en');
    expect(planRedraw(drawn, keys([radar, adsb]))).toEqual({ list: false, rows: ['radar-201', 'adsb-1'] });
  });
});
