import { ApiError } from '../api/client';
import type { Replay } from '../api/types';
import type { Key } from '../i18n/i18n';

export type ReplayPhase = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

/** The replay calls the controller needs (ApiClient has them). */
export interface ReplayApi {
  startReplay(from: Date, to: Date, speed: number): Promise<Replay>;
  controlReplay(id: string, action: ReplayAction, speed?: number, to?: string): Promise<Replay>;
}

export type ReplayAction = 'pause' | 'resume' | 'step' | 'stop' | 'seek';

/** Steps of the replay panel's position slider (0…sliderSteps). */
export const sliderSteps = 1000;

/** The period time (ms) a slider value stands for: clamped to the period, whole seconds. NaN without a period. */
export function sliderToTime(value: number, from: number, to: number): number {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) return Number.NaN;
  const v = Number.isFinite(value) ? Math.min(Math.max(value, 0), sliderSteps) : 0;
  const t = from + ((to - from) * v) / sliderSteps;
  return Math.min(Math.max(Math.round(t / 1000) * 1000, from), to);
}

/** The slider value of a period time (ms), 0…sliderSteps. */
export function timeToSlider(time: number, from: number, to: number): number {
  if (!Number.isFinite(time) || !Number.isFinite(from) || !Number.isFinite(to) || !(to > from)) return 0;
  return Math.round(Math.min(Math.max((time - from) / (to - from), 0), 1) * sliderSteps);
}

export const maxReplayMs = 24 * 3600 * 1000;
export const replaySpeeds = [1, 2, 5, 10, 30, 60] as const;

/** Checks a requested period and speed; the key of the message to show, or null when good. */
export function validateReplay(from: Date, to: Date, speed: number): Key | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to.getTime() <= from.getTime()) return 'replay.error.period';
  if (to.getTime() - from.getTime() > maxReplayMs) return 'replay.error.tooLong';
  if (!Number.isFinite(speed) || speed < 1 || speed > 60) return 'replay.error.speed';
  return null;
}

/** The default period: the last 15 minutes up to now. */
export function defaultPeriod(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - 15 * 60 * 1000), to: now };
}

/**
 * Where the replay stands, between the server's reports: the last reported sensor time, run on at the
 * replay speed while playing, never past the period's end. Shown on the slider; the picture itself
 * always comes from the replay stream.
 */
export class ReplayClock {
  private anchor = Number.NaN;
  private anchorWall = Number.NaN;
  private speed = 1;
  private running = false;
  from = Number.NaN;
  to = Number.NaN;

  update(replay: Replay, wallNow: number): void {
    this.from = Date.parse(replay.from);
    this.to = Date.parse(replay.to);
    const position = replay.position ? Date.parse(replay.position) : this.from;
    this.anchor = Number.isFinite(position) ? position : this.from;
    this.anchorWall = wallNow;
    this.speed = replay.speed > 0 ? replay.speed : 60;
    this.running = replay.state === 'running';
  }

  positionAt(wallNow: number): number {
    if (Number.isNaN(this.anchor)) return Number.NaN;
    const p = this.running ? this.anchor + (wallNow - this.anchorWall) * this.speed : this.anchor;
    return Math.min(Math.max(p, this.from), this.to);
  }

  /** 0…1 through the period. */
  fraction(wallNow: number): number {
    const span = this.to - this.from;
    if (!(span > 0)) return 0;
    return (this.positionAt(wallNow) - this.from) / span;
  }
}

export interface ReplayView {
  phase: ReplayPhase;
  replay: Replay | null;
  /** A message key and detail when the last action failed. */
  error: { key: Key; detail?: string } | null;
}

function phaseOf(state: string): ReplayPhase {
  switch (state) {
    case 'running':
    case 'paused':
    case 'finished':
    case 'stopped':
    case 'failed':
      return state;
    default:
      return 'running';
  }
}

/** Drives one replay session through the API and follows its `replay` events. */
export class ReplayController {
  readonly clock = new ReplayClock();
  view: ReplayView = { phase: 'idle', replay: null, error: null };
  /** Bumped by each start and each leave: a start answered after another start or a leave is an orphan. */
  private attempt = 0;

  constructor(
    private readonly api: ReplayApi,
    private readonly onChange: (view: ReplayView) => void,
    private readonly now: () => number = () => Date.now(),
  ) {}

  get active(): boolean {
    return this.view.phase !== 'idle';
  }

  /**
   * Starts a session; returns it, or null when it was refused, failed, or was left ("back to live") before
   * the server answered: such an orphaned session is stopped on the server and the controller stays idle.
   */
  async start(from: Date, to: Date, speed: number): Promise<Replay | null> {
    const invalid = validateReplay(from, to, speed);
    if (invalid) {
      this.set({ ...this.view, error: { key: invalid } });
      return null;
    }
    const attempt = ++this.attempt;
    this.set({ phase: 'starting', replay: null, error: null });
    let replay: Replay;
    try {
      replay = await this.api.startReplay(from, to, speed);
    } catch (e) {
      if (attempt !== this.attempt) return null; // left meanwhile: nothing to show
      this.set({ phase: 'idle', replay: null, error: errorOf(e) });
      if (e instanceof ApiError && e.failure === 'unauthorized') throw e;
      return null;
    }
    if (attempt !== this.attempt || this.view.phase !== 'starting') {
      this.api.controlReplay(replay.id, 'stop').catch(() => undefined);
      return null;
    }
    this.onReplay(replay);
    return replay;
  }

  pause(): Promise<void> {
    return this.control('pause');
  }

  resume(speed?: number): Promise<void> {
    return this.control('resume', speed);
  }

  step(): Promise<void> {
    return this.control('step');
  }

  /** Whether the session can be moved to another time (playing or paused). */
  get seekable(): boolean {
    return this.view.replay !== null && (this.view.phase === 'running' || this.view.phase === 'paused');
  }

  /**
   * Moves the session to `to` (the server clamps it to the period, drops the old picture with a `tracks`
   * event removing every id, and plays on from there; a paused session stays paused). The clock jumps
   * with the server's answer.
   */
  seek(to: Date): Promise<void> {
    if (!this.seekable || Number.isNaN(to.getTime())) return Promise.resolve();
    return this.control('seek', undefined, to.toISOString());
  }

  async stop(): Promise<void> {
    if (this.view.replay && (this.view.phase === 'running' || this.view.phase === 'paused')) await this.control('stop');
  }

  /** Leaves the replay (stopping it if it still plays, or once it has started if it is starting) and forgets it. */
  async leave(): Promise<void> {
    this.attempt++;
    try {
      await this.stop();
    } finally {
      this.set({ phase: 'idle', replay: null, error: null });
    }
  }

  /** A `replay` event from the session's stream, or an API answer. */
  onReplay(replay: Replay): void {
    // A late report of a session already left behind.
    if (this.view.phase === 'idle') return;
    this.clock.update(replay, this.now());
    this.set({ phase: phaseOf(replay.state), replay, error: replay.state === 'failed' ? { key: 'replay.error.server', detail: replay.detail ?? '' } : null });
  }

  private async control(action: ReplayAction, speed?: number, to?: string): Promise<void> {
    const replay = this.view.replay;
    if (!replay) return;
    try {
      this.onReplay(to === undefined ? await this.api.controlReplay(replay.id, action, speed) : await this.api.controlReplay(replay.id, action, speed, to));
    } catch (e) {
      this.set({ ...this.view, error: errorOf(e) });
      if (e instanceof ApiError && e.failure === 'unauthorized') throw e;
    }
  }

  private set(view: ReplayView): void {
    this.view = view;
    this.onChange(view);
  }
}

function errorOf(e: unknown): { key: Key; detail?: string } {
  if (e instanceof ApiError && e.failure === 'forbidden') return { key: 'replay.error.forbidden' };
  return { key: 'replay.error.server', detail: e instanceof Error ? e.message : String(e) };
}
