import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/types';
import { AlertStore, compareAlerts, isUsableAlert, levelRank, liveAlarmBehindReplay } from './alerts';

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'zone-el-bejuco-1',
  version: 1,
  kind: 'zone_threat',
  level: 'advisory',
  zone_id: 'el-bejuco',
  raised_at: '2026-11-25T18:00:00Z',
  updated_at: '2026-11-25T18:00:00Z',
  track_ids: [4],
  active: true,
  ...over,
});

describe('levels and order', () => {
  it('ranks advisory < warning < alarm, anything else below', () => {
    expect([levelRank('advisory'), levelRank('warning'), levelRank('alarm'), levelRank('none'), levelRank(undefined)]).toEqual([1, 2, 3, 0, 0]);
  });

  it('sorts by level, then newest raised first, then id', () => {
    const a = alert({ id: 'a', level: 'warning', raised_at: '2026-11-25T18:00:00Z' });
    const b = alert({ id: 'b', level: 'alarm', raised_at: '2026-11-25T17:00:00Z' });
    const c = alert({ id: 'c', level: 'warning', raised_at: '2026-11-25T18:05:00Z' });
    const d = alert({ id: 'd', level: 'warning', raised_at: '2026-11-25T18:05:00Z' });
    const e = alert({ id: 'e', level: 'advisory', raised_at: undefined });
    expect([a, e, d, c, b].sort(compareAlerts).map((x) => x.id)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });

  it('accepts only documents with an id, a version and a level', () => {
    expect(isUsableAlert(alert())).toBe(true);
    expect(isUsableAlert({ id: 'x', version: 1 })).toBe(false);
    expect(isUsableAlert({ id: '', version: 1, level: 'alarm' })).toBe(false);
    expect(isUsableAlert({ id: 'x', version: Number.NaN, level: 'alarm' })).toBe(false);
    expect(isUsableAlert(null)).toBe(false);
  });
});

describe('AlertStore', () => {
  it('a raise is held and cues a tone; an escalation to warning or alarm cues again', () => {
    const s = new AlertStore();
    expect(s.apply({ change: 'raised', alert: alert() }, 0)).toMatchObject({ kind: 'raised' });
    expect(s.alerts.size).toBe(1);
    expect(s.apply({ change: 'updated', alert: alert({ version: 2, level: 'warning' }) }, 1)).toMatchObject({ kind: 'escalated', alert: { level: 'warning' } });
    expect(s.apply({ change: 'updated', alert: alert({ version: 3, level: 'alarm' }) }, 2)).toMatchObject({ kind: 'escalated' });
    // A de-escalation or a same-level update is silent.
    expect(s.apply({ change: 'updated', alert: alert({ version: 4, level: 'warning' }) }, 3)).toBeNull();
    expect(s.apply({ change: 'updated', alert: alert({ version: 5, level: 'warning', distance_m: 10 }) }, 4)).toBeNull();
    expect(s.alerts.get('zone-el-bejuco-1')?.version).toBe(5);
  });

  it('ignores an older or repeated version (the REST answer and the stream may cross)', () => {
    const s = new AlertStore();
    s.apply({ change: 'raised', alert: alert({ version: 3, level: 'alarm' }) }, 0);
    const v = s.version;
    expect(s.apply({ change: 'updated', alert: alert({ version: 2, level: 'warning' }) }, 1)).toBeNull();
    expect(s.apply({ change: 'standing', alert: alert({ version: 3, level: 'alarm' }) }, 1)).toBeNull();
    expect(s.version).toBe(v);
    expect(s.alerts.get('zone-el-bejuco-1')?.level).toBe('alarm');
  });

  it('a cleared alert leaves; an unknown standing alert is held and cues (raised while away)', () => {
    const s = new AlertStore();
    expect(s.apply({ change: 'standing', alert: alert() }, 0)).toMatchObject({ kind: 'raised' });
    expect(s.apply({ change: 'cleared', alert: alert({ version: 2, active: false, cleared_at: '2026-11-25T18:03:00Z' }) }, 1)).toBeNull();
    expect(s.alerts.size).toBe(0);
    // An inactive version arriving for an alert never held adds nothing.
    s.apply({ change: 'updated', alert: alert({ id: 'other', active: false }) }, 2);
    expect(s.alerts.size).toBe(0);
  });

  it('counts junk without throwing', () => {
    const s = new AlertStore();
    expect(s.apply({ change: 'raised', alert: { id: 3 } as unknown as Alert }, 0)).toBeNull();
    expect(s.apply(null as unknown as { change: string; alert: Alert }, 0)).toBeNull();
    expect(s.rejected).toBe(2);
  });

  it('replace: the REST list wins over older versions, drops what it lacks, keeps what changed after the question', () => {
    const s = new AlertStore();
    s.apply({ change: 'raised', alert: alert({ id: 'old' }) }, 100);
    s.apply({ change: 'raised', alert: alert({ id: 'kept', version: 4 }) }, 100);
    s.apply({ change: 'raised', alert: alert({ id: 'fresh' }) }, 300);
    s.replace([alert({ id: 'kept', version: 2 }), alert({ id: 'new', level: 'alarm' }), alert({ id: 'gone', active: false }), { junk: true }], 200);
    expect([...s.alerts.keys()].sort()).toEqual(['fresh', 'kept', 'new']);
    expect(s.alerts.get('kept')?.version).toBe(4);
    expect(s.rejected).toBe(1);
    const v = s.version;
    s.replace([alert({ id: 'kept', version: 4 }), alert({ id: 'new', level: 'alarm' }), alert({ id: 'fresh' })], 400);
    expect(s.version).toBe(v);
  });

  it('zone levels: the highest level on each zone, covered zones of a lost sensor included', () => {
    const s = new AlertStore();
    s.apply({ change: 'raised', alert: alert({ id: 'a', zone_id: 'z1', level: 'warning' }) }, 0);
    s.apply({ change: 'raised', alert: alert({ id: 'b', zone_id: 'z1', level: 'advisory' }) }, 0);
    s.apply({ change: 'raised', alert: alert({ id: 'c', kind: 'coverage_lost', zone_id: null, sensor_id: 'radar-1', covered_zone_ids: ['z1', 'z2'], level: 'advisory' }) }, 0);
    expect(Object.fromEntries(s.zoneLevels())).toEqual({ z1: 'warning', z2: 'advisory' });
  });

  it('knows when an alarm stands unacknowledged, and when any alert is an exercise', () => {
    const s = new AlertStore();
    s.apply({ change: 'raised', alert: alert({ level: 'alarm' }) }, 0);
    expect(s.unacknowledgedAlarm()).toBe(true);
    expect(s.anyExercise()).toBe(false);
    s.apply({ change: 'acknowledged', alert: alert({ version: 2, level: 'alarm', acknowledged_by: 'ops', acknowledged_at: '2026-11-25T18:01:00Z' }) }, 1);
    expect(s.unacknowledgedAlarm()).toBe(false);
    s.apply({ change: 'raised', alert: alert({ id: 'x', level: 'warning', exercise: true }) }, 2);
    expect(s.unacknowledgedAlarm()).toBe(false);
    expect(s.anyExercise()).toBe(true);
    expect(s.sorted().map((a) => a.id)).toEqual(['zone-el-bejuco-1', 'x']);
  });
});

describe('live alarm behind a replay', () => {
  it('is shown while replaying whenever a live alert at alarm level stands, acknowledged or not', () => {
    const live = new AlertStore();
    live.apply({ change: 'raised', alert: alert({ level: 'warning' }) }, 0);
    expect(liveAlarmBehindReplay(true, live)).toBe(false);
    live.apply({ change: 'updated', alert: alert({ version: 2, level: 'alarm' }) }, 1);
    expect(liveAlarmBehindReplay(true, live)).toBe(true);
    expect(liveAlarmBehindReplay(false, live)).toBe(false); // live: the banner, panel and zones show it already
    live.apply({ change: 'acknowledged', alert: alert({ version: 3, level: 'alarm', acknowledged_at: '2026-11-25T18:01:00Z', acknowledged_by: 'ops' }) }, 2);
    expect(liveAlarmBehindReplay(true, live)).toBe(true);
    live.apply({ change: 'cleared', alert: alert({ version: 4, level: 'alarm', active: false }) }, 3);
    expect(liveAlarmBehindReplay(true, live)).toBe(false);
  });
});
