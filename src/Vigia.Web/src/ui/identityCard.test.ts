import { afterEach, describe, expect, it } from 'vitest';
import type { Track } from '../api/types';
import { setLanguage } from '../i18n/i18n';
import { classText, describeFlag, flagTexts, identityRows, type CardValue } from './identityCard';

const base: Track = { id: 7, status: 'confirmed', time: '2026-11-25T18:00:00Z', position: { lat: 19.19, lon: -102.84, h: 420 }, cooperative: true, uas_id: 'FIN87astrdge12k8' };
const row = (track: Track, key: string): CardValue => {
  const found = identityRows(track).find(([k]) => k === key);
  if (!found) throw new Error(`no row ${key}`);
  return found[1];
};

afterEach(() => setLanguage('es'));

describe('classText', () => {
  it('names the class and its evidence in the UI language, and says when only radar saw the track', () => {
    setLanguage('en');
    expect(classText({ ...base, object_class: 'manned_aircraft', class_source: 'adsb', class_confidence: 1, class_label: 'AMX123', class_sensor: 'adsb-1' }))
      .toBe('manned aircraft (ADS-B, 100 %, «AMX123», adsb-1)');
    expect(classText({ ...base, object_class: 'uav_rotary_wing', class_source: 'sapient', class_confidence: 0.8 })).toBe('rotary-wing drone (SAPIENT, 80 %)');
    expect(classText({ ...base, object_class: null })).toBe('unknown (radar only)');
    setLanguage('es');
    expect(classText({ ...base, object_class: 'uav_fixed_wing', class_source: 'remote_id' })).toBe('dron de ala fija (Remote ID)');
    expect(row({ ...base, object_class: 'bird' }, 'card.class')).toEqual({ kind: 'text', text: 'ave' });
  });
});

describe('identityRows', () => {
  it('shows the identity fields the server sends', () => {
    setLanguage('en');
    const track: Track = { ...base, ua_type: 'HelicopterOrMultirotor', operator_id: 'MEX-OP-1234', self_id: 'Inspección de línea', flags: ['Unauthenticated', 'OperatorTooFar'], sensors: ['radar-1', 'rid-1'] };
    expect(row(track, 'card.type')).toEqual({ kind: 'text', text: 'HelicopterOrMultirotor' });
    expect(row(track, 'card.operatorId')).toEqual({ kind: 'text', text: 'MEX-OP-1234' });
    expect(row(track, 'card.selfId')).toEqual({ kind: 'text', text: 'Inspección de línea' });
    expect(row(track, 'card.contributors')).toEqual({ kind: 'text', text: 'radar-1, rid-1' });
    const flags = row(track, 'card.flags');
    expect(flags.kind).toBe('flags');
    if (flags.kind === 'flags') {
      expect(flags.flags.map((f) => f.code)).toEqual(['Unauthenticated', 'OperatorTooFar']);
      expect(flags.flags[0]!.label).toBe('Unauthenticated');
      expect(flags.flags[1]!.note).toContain('control link');
    }
  });

  it('says "not available" only for a value the server did not report', () => {
    setLanguage('es');
    expect(row(base, 'card.type')).toEqual({ kind: 'missing' });
    expect(row({ ...base, operator_id: null, self_id: '  ' }, 'card.operatorId')).toEqual({ kind: 'missing' });
    expect(row({ ...base, self_id: '  ' }, 'card.selfId')).toEqual({ kind: 'missing' });
    expect(row(base, 'card.flags')).toEqual({ kind: 'missing' });
    expect(row(base, 'card.contributors')).toEqual({ kind: 'missing' });
    // An empty list is an answer: no flags raised, no sensor yet.
    expect(row({ ...base, flags: [] }, 'card.flags')).toEqual({ kind: 'text', text: 'ninguno' });
    expect(row({ ...base, sensors: [] }, 'card.contributors')).toEqual({ kind: 'text', text: '—' });
  });

  it('ignores junk inside the lists instead of failing', () => {
    const track = { ...base, flags: ['ImpossibleJump', 3, ''], sensors: [null, 'rid-1'] } as unknown as Track;
    const flags = row(track, 'card.flags');
    expect(flags.kind === 'flags' && flags.flags.map((f) => f.code)).toEqual(['ImpossibleJump']);
    expect(row(track, 'card.contributors')).toEqual({ kind: 'text', text: 'rid-1' });
  });
});

describe('describeFlag', () => {
  it('explains every reason code in both languages', () => {
    const codes = ['Unauthenticated', 'ImpossibleJump', 'SeveralSenders', 'OperatorTooFar', 'TimestampFarFromReceiveTime', 'ImpossibleSpeed', 'ImpossiblePosition', 'TimestampMissing', 'MalformedId'];
    expect(Object.keys(flagTexts).sort()).toEqual([...codes].sort());
    for (const lang of ['es', 'en'] as const) {
      setLanguage(lang);
      for (const code of codes) {
        const f = describeFlag(code);
        expect(f.label, `${lang} ${code}`).not.toBe('');
        expect(f.note.length, `${lang} ${code}`).toBeGreaterThan(20);
      }
    }
    setLanguage('es');
    expect(describeFlag('SeveralSenders').label).toBe('Varios emisores');
  });

  it('shows an unknown code as sent', () => {
    setLanguage('en');
    expect(describeFlag('NewConcern')).toEqual({ code: 'NewConcern', label: 'NewConcern', note: 'unrecognised code' });
    expect(describeFlag('toString').label).toBe('toString');
  });
});
