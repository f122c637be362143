import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/types';
import type { Cue } from '../state/alerts';
import { AlarmScheduler, muteStorageKey, tonePattern, type TonePlayer } from './alarm';

class Recorder implements TonePlayer {
  ready = true;
  played: string[] = [];
  play(level: string): boolean {
    if (!this.ready) return false;
    this.played.push(level);
    return true;
  }
}

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}

const cue = (level: string, kind: Cue['kind'] = 'raised'): Cue => ({ kind, alert: { id: level, version: 1, kind: 'zone_threat', level } as Alert });

describe('tonePattern', () => {
  it('a soft beep, two beeps, or a warble; each note inside the tone and the whole under 1.5 s', () => {
    expect(tonePattern('advisory')).toHaveLength(1);
    expect(tonePattern('warning')).toHaveLength(2);
    const alarm = tonePattern('alarm');
    expect(alarm).toHaveLength(6);
    expect(new Set(alarm.map((n) => n.hz)).size).toBe(2);
    for (const level of ['advisory', 'warning', 'alarm', 'other']) {
      const notes = tonePattern(level);
      expect(Math.max(...notes.map((n) => n.at + n.length))).toBeLessThan(1.5);
      for (let i = 1; i < notes.length; i++) expect(notes[i]!.at).toBeGreaterThanOrEqual(notes[i - 1]!.at + notes[i - 1]!.length);
    }
  });
});

describe('AlarmScheduler', () => {
  it('sounds one tone per batch of cues, the most severe', () => {
    const p = new Recorder();
    const s = new AlarmScheduler(p, new MemoryStorage(), 5000);
    expect(s.cue([], 0)).toBe(false);
    expect(s.cue([cue('advisory'), cue('alarm', 'escalated'), cue('warning')], 0)).toBe(true);
    expect(p.played).toEqual(['alarm']);
    expect(s.played).toBe(1);
  });

  it('repeats the alarm every repeat period while one stands unacknowledged', () => {
    const p = new Recorder();
    const s = new AlarmScheduler(p, null, 5000);
    s.cue([cue('alarm')], 1000);
    expect(s.tick(true, 2000)).toBe(false);
    expect(s.tick(true, 5999)).toBe(false);
    expect(s.tick(true, 6000)).toBe(true);
    expect(s.tick(true, 7000)).toBe(false);
    expect(s.tick(false, 20_000)).toBe(false);
    expect(p.played).toEqual(['alarm', 'alarm']);
  });

  it('muting silences cues and repeats and is remembered', () => {
    const storage = new MemoryStorage();
    const p = new Recorder();
    const s = new AlarmScheduler(p, storage);
    s.setMuted(true);
    expect(storage.getItem(muteStorageKey)).toBe('1');
    expect(s.state).toBe('muted');
    expect(s.cue([cue('alarm')], 0)).toBe(false);
    expect(s.tick(true, 60_000)).toBe(false);
    expect(p.played).toEqual([]);
    // A new console (a reload) starts muted.
    expect(new AlarmScheduler(p, storage).muted).toBe(true);
    s.setMuted(false);
    expect(new AlarmScheduler(p, storage).muted).toBe(false);
  });

  it('says when the browser blocks sound, and retries the repeat once it is allowed', () => {
    const p = new Recorder();
    p.ready = false;
    const s = new AlarmScheduler(p, null, 5000);
    expect(s.state).toBe('blocked');
    expect(s.cue([cue('alarm')], 0)).toBe(false);
    expect(s.played).toBe(0);
    p.ready = true;
    expect(s.state).toBe('on');
    // Nothing played yet: the first tick sounds at once.
    expect(s.tick(true, 1000)).toBe(true);
  });
});
