import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AlertHistory } from '../api/types';
import { setLanguage } from '../i18n/i18n';
import { alertText, changeName, elapsed, levelName, threatFacts, timelineRows } from './alertFormat';

const base: Alert = {
  id: 'a1',
  version: 1,
  kind: 'zone_threat',
  level: 'alarm',
  headline_es: 'Dron dentro de El Bejuco',
  headline_en: 'Drone inside El Bejuco',
  description_es: 'Un dron sin Remote ID está dentro de la zona.',
  description_en: '',
  raised_at: '2026-11-25T18:00:00Z',
};

afterEach(() => setLanguage('es'));

describe('alert wording', () => {
  it('the server\'s text in the UI language, else in the other one', () => {
    expect(alertText(base, 'headline', 'es')).toBe('Dron dentro de El Bejuco');
    expect(alertText(base, 'headline', 'en')).toBe('Drone inside El Bejuco');
    expect(alertText(base, 'description', 'en')).toBe('Un dron sin Remote ID está dentro de la zona.');
    expect(alertText(base, 'instruction', 'en')).toBe('');
  });

  it('names levels and changes in both languages; unknown ones as sent', () => {
    setLanguage('es');
    expect([levelName('advisory'), levelName('warning'), levelName('alarm'), levelName('purple')]).toEqual(['Aviso', 'Advertencia', 'Alarma', 'purple']);
    expect([changeName('raised'), changeName('acknowledged'), changeName('cleared'), changeName('odd')]).toEqual(['emitida', 'reconocida', 'terminada', 'odd']);
    setLanguage('en');
    expect([levelName('advisory'), levelName('warning'), levelName('alarm')]).toEqual(['Advisory', 'Warning', 'Alarm']);
    expect(changeName('updated')).toBe('updated');
  });

  it('time since raised: seconds, minutes, hours', () => {
    const t0 = Date.parse('2026-11-25T18:00:00Z');
    setLanguage('es');
    expect(elapsed(base.raised_at, t0 + 12_400)).toBe('hace 12 s');
    expect(elapsed(base.raised_at, t0 + 4 * 60_000 + 5000)).toBe('hace 4 min');
    expect(elapsed(base.raised_at, t0 + 125 * 60_000)).toBe('hace 2 h 05 min');
    expect(elapsed(base.raised_at, t0 - 3000)).toBe('hace 0 s');
    setLanguage('en');
    expect(elapsed(base.raised_at, t0 + 61_000)).toBe('1 min ago');
    expect(elapsed('not a time', t0)).toBe('');
    expect(elapsed(undefined, t0)).toBe('');
  });

  it('threat facts: inside, or distance and time to entry, and speed', () => {
    setLanguage('en');
    expect(threatFacts({ ...base, distance_m: 0, seconds_to_entry: 0, speed_mps: 2.25 })).toEqual(['inside the zone', '2.3 m/s']);
    expect(threatFacts({ ...base, distance_m: 1234, seconds_to_entry: 42 })).toEqual(['1,234 m from the zone', 'entry in 42 s']);
    expect(threatFacts(base)).toEqual([]);
  });
});

describe('timelineRows', () => {
  it('one row per version, oldest first, with the acknowledgement and the time of each change', () => {
    const history: AlertHistory = {
      id: 'a1',
      versions: [
        { change: 'acknowledged', alert: { ...base, version: 3, updated_at: '2026-11-25T18:02:00Z', acknowledged_by: 'ops', acknowledged_at: '2026-11-25T18:02:30Z' } },
        { change: 'raised', alert: { ...base, version: 1, level: 'warning', updated_at: '2026-11-25T18:00:00Z' } },
        { change: 'updated', alert: { ...base, version: 2, updated_at: '2026-11-25T18:01:00Z' } },
        { change: 'cleared', alert: { ...base, version: 4, updated_at: '2026-11-25T18:05:00Z', cleared_at: '2026-11-25T18:06:00Z', acknowledged_by: 'ops' } },
        { change: 'junk' } as unknown as AlertHistory['versions'][number],
      ],
    };
    expect(timelineRows(history)).toEqual([
      { version: 1, change: 'raised', level: 'warning', time: '2026-11-25T18:00:00Z', acknowledgedBy: null, acknowledgedAt: null },
      { version: 2, change: 'updated', level: 'alarm', time: '2026-11-25T18:01:00Z', acknowledgedBy: null, acknowledgedAt: null },
      { version: 3, change: 'acknowledged', level: 'alarm', time: '2026-11-25T18:02:30Z', acknowledgedBy: 'ops', acknowledgedAt: '2026-11-25T18:02:30Z' },
      { version: 4, change: 'cleared', level: 'alarm', time: '2026-11-25T18:06:00Z', acknowledgedBy: 'ops', acknowledgedAt: null },
    ]);
    expect(timelineRows(null)).toEqual([]);
    expect(timelineRows({ id: 'x', versions: 'no' } as unknown as AlertHistory)).toEqual([]);
  });
});
