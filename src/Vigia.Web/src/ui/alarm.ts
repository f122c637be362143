import type { AlertLevel } from '../api/types';
import { levelRank, type Cue } from '../state/alerts';

/** One note of a tone: frequency (Hz), start after the tone begins and length (s). */
export interface Note {
  hz: number;
  at: number;
  length: number;
}

/**
 * The tone for a level, generated (no audio file): an advisory one soft beep; a warning two; an alarm a
 * two-tone warble of three cycles. Each under 1.5 s, so a repeat every few seconds leaves quiet between.
 */
export function tonePattern(level: AlertLevel | string): Note[] {
  switch (level) {
    case 'alarm':
      return [0, 1, 2].flatMap((i) => [
        { hz: 880, at: i * 0.44, length: 0.2 },
        { hz: 660, at: i * 0.44 + 0.22, length: 0.2 },
      ]);
    case 'warning':
      return [
        { hz: 740, at: 0, length: 0.18 },
        { hz: 740, at: 0.3, length: 0.18 },
      ];
    default:
      return [{ hz: 520, at: 0, length: 0.25 }];
  }
}

/** What plays the tones (WebAudio in the browser; a recorder in the tests). */
export interface TonePlayer {
  /** True once the browser lets the page make sound (after a user gesture). */
  readonly ready: boolean;
  /** Plays a level's tone; false when sound is blocked. */
  play(level: AlertLevel | string): boolean;
}

/** The indicator: sound on, muted by the operator, or blocked by the browser until a click. */
export type SoundState = 'on' | 'muted' | 'blocked';

export const muteStorageKey = 'vigia.alarm.muted';
/** An unacknowledged alarm sounds again this often (ms). */
export const alarmRepeatMs = 5000;

/**
 * When to sound: a tone when an alert is raised or rises to warning or alarm, and the alarm tone again
 * every `repeatMs` while an alarm stands unacknowledged. Muting (remembered in `storage`) silences both.
 */
export class AlarmScheduler {
  private lastPlay = Number.NEGATIVE_INFINITY;
  private mutedFlag: boolean;
  /** Tones played (the end-to-end test reads it). */
  played = 0;

  constructor(
    private readonly player: TonePlayer,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    private readonly repeatMs = alarmRepeatMs,
  ) {
    this.mutedFlag = storage?.getItem(muteStorageKey) === '1';
  }

  get muted(): boolean {
    return this.mutedFlag;
  }

  setMuted(muted: boolean): void {
    this.mutedFlag = muted;
    this.storage?.setItem(muteStorageKey, muted ? '1' : '0');
  }

  get state(): SoundState {
    return this.mutedFlag ? 'muted' : this.player.ready ? 'on' : 'blocked';
  }

  /** The cues of one batch of changes: the most severe one sounds (one tone, not one per alert). */
  cue(cues: readonly Cue[], now: number): boolean {
    if (cues.length === 0) return false;
    let level = cues[0]!.alert.level;
    for (const c of cues) if (levelRank(c.alert.level) > levelRank(level)) level = c.alert.level;
    return this.sound(level, now);
  }

  /** Once a second: the alarm again while one stands unacknowledged and the last tone is `repeatMs` old. */
  tick(unacknowledgedAlarm: boolean, now: number): boolean {
    if (!unacknowledgedAlarm || now - this.lastPlay < this.repeatMs) return false;
    return this.sound('alarm', now);
  }

  private sound(level: string, now: number): boolean {
    if (this.mutedFlag) return false;
    if (!this.player.play(level)) return false;
    this.lastPlay = now;
    this.played++;
    return true;
  }
}

/**
 * Tones through WebAudio. Browsers keep an AudioContext suspended until the user has interacted with the
 * page: `unlock()` is called from a click (sign-in, the sound button, any click on the console) and
 * resumes it; until then `ready` is false and nothing plays.
 */
export class WebAudioPlayer implements TonePlayer {
  private context: AudioContext | null = null;

  get ready(): boolean {
    return this.context?.state === 'running';
  }

  /** From a user gesture: creates or resumes the audio context. */
  unlock(): Promise<void> {
    try {
      this.context ??= new AudioContext();
      return this.context.state === 'running' ? Promise.resolve() : this.context.resume().catch(() => undefined);
    } catch {
      return Promise.resolve(); // no WebAudio in this browser: stays blocked
    }
  }

  play(level: AlertLevel | string): boolean {
    const ctx = this.context;
    if (!ctx || ctx.state !== 'running') return false;
    const start = ctx.currentTime + 0.02;
    for (const note of tonePattern(level)) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'square';
      osc.frequency.value = note.hz;
      // A short attack and release: no clicks at the note edges.
      const t0 = start + note.at;
      const t1 = t0 + note.length;
      gain.gain.setValueAtTime(0, t0);
      gain.gain.linearRampToValueAtTime(0.12, t0 + 0.015);
      gain.gain.setValueAtTime(0.12, t1 - 0.03);
      gain.gain.linearRampToValueAtTime(0, t1);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t1 + 0.01);
    }
    return true;
  }

  close(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
