import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { Replay } from '../api/types';
import { defaultPeriod, ReplayClock, ReplayController, sliderSteps, sliderToTime, timeToSlider, validateReplay, type ReplayApi } from './replay';

const from = '2026-11-25T18:00:00.000Z';
const to = '2026-11-25T18:15:00.000Z';
const t0 = Date.parse(from);

function replay(state: string, position: string | null, speed = 10): Replay {
  return { id: 'r1', from, to, speed, state, position, observations: 0, stream: '/api/v1/replays/r1/stream' };
}

describe('validateReplay', () => {
  it('accepts a good period and speed and names what is wrong otherwise', () => {
    const a = new Date(t0);
    const b = new Date(t0 + 60_000);
    expect(validateReplay(a, b, 1)).toBeNull();
    expect(validateReplay(b, a, 1)).toBe('replay.error.period');
    expect(validateReplay(a, new Date(t0 + 25 * 3600_000), 1)).toBe('replay.error.tooLong');
    expect(validateReplay(a, b, 0)).toBe('replay.error.speed');
    expect(validateReplay(a, b, 61)).toBe('replay.error.speed');
    expect(validateReplay(new Date('nonsense'), b, 1)).toBe('replay.error.period');
  });

  it('defaults to the last 15 minutes', () => {
    const now = new Date(t0);
    const p = defaultPeriod(now);
    expect(now.getTime() - p.from.getTime()).toBe(15 * 60_000);
    expect(p.to).toEqual(now);
  });
});

describe('ReplayClock', () => {
  it('runs on at the replay speed while running, stands while paused, never passes the end', () => {
    const c = new ReplayClock();
    c.update(replay('running', new Date(t0 + 60_000).toISOString(), 10), 1000);
    expect(c.positionAt(1000)).toBe(t0 + 60_000);
    expect(c.positionAt(3000)).toBe(t0 + 60_000 + 20_000);
    expect(c.fraction(1000)).toBeCloseTo(60 / 900);
    c.update(replay('paused', new Date(t0 + 120_000).toISOString(), 10), 5000);
    expect(c.positionAt(50_000)).toBe(t0 + 120_000);
    c.update(replay('running', new Date(t0 + 120_000).toISOString(), 60), 0);
    expect(c.positionAt(3600_000)).toBe(Date.parse(to));
    expect(c.fraction(3600_000)).toBe(1);
  });

  it('starts at the period start before any position is reported', () => {
    const c = new ReplayClock();
    c.update(replay('running', null), 0);
    expect(c.positionAt(0)).toBe(t0);
  });
});

function fakeApi(overrides: Partial<ReplayApi> = {}) {
  const calls: string[] = [];
  const api: ReplayApi = {
    startReplay: async (_f, _t, speed) => {
      calls.push(`start ${speed}`);
      return replay('running', null, speed);
    },
    controlReplay: async (_id, action, _speed, to) => {
      calls.push(to === undefined ? action : `${action} ${to}`);
      return replay(action === 'pause' || action === 'step' ? 'paused' : action === 'stop' ? 'stopped' : 'running', to ?? from);
    },
    ...overrides,
  };
  return { api, calls };
}

describe('ReplayController', () => {
  it('goes idle → starting → running → paused → running → stopped → idle', async () => {
    const { api, calls } = fakeApi();
    const phases: string[] = [];
    const c = new ReplayController(api, (v) => phases.push(v.phase), () => 0);
    await c.start(new Date(t0), new Date(t0 + 60_000), 10);
    await c.pause();
    await c.step();
    await c.resume(20);
    await c.leave();
    expect(calls).toEqual(['start 10', 'pause', 'step', 'resume', 'stop']);
    expect(phases).toEqual(['starting', 'running', 'paused', 'paused', 'running', 'stopped', 'idle']);
    expect(c.active).toBe(false);
  });

  it('follows the stream: a finished event ends playing; late events after leaving are ignored', async () => {
    const { api } = fakeApi();
    const c = new ReplayController(api, () => undefined, () => 0);
    await c.start(new Date(t0), new Date(t0 + 60_000), 5);
    c.onReplay(replay('finished', to));
    expect(c.view.phase).toBe('finished');
    await c.leave();
    c.onReplay(replay('running', from));
    expect(c.view.phase).toBe('idle');
  });

  it('refuses a bad period without calling the server', async () => {
    const { api, calls } = fakeApi();
    const c = new ReplayController(api, () => undefined);
    expect(await c.start(new Date(t0 + 1000), new Date(t0), 1)).toBeNull();
    expect(c.view.error?.key).toBe('replay.error.period');
    expect(calls).toEqual([]);
  });

  it('says a viewer key may not start a replay, and passes a 401 up', async () => {
    const forbidden = new ReplayController(fakeApi({ startReplay: () => Promise.reject(new ApiError('forbidden', 403, 'no')) }).api, () => undefined);
    await forbidden.start(new Date(t0), new Date(t0 + 1000), 1);
    expect(forbidden.view).toMatchObject({ phase: 'idle', error: { key: 'replay.error.forbidden' } });
    const revoked = new ReplayController(fakeApi({ startReplay: () => Promise.reject(new ApiError('unauthorized', 401, 'no')) }).api, () => undefined);
    await expect(revoked.start(new Date(t0), new Date(t0 + 1000), 1)).rejects.toBeInstanceOf(ApiError);
  });

  it('"back to live" while starting: the session the server then returns is stopped, and the controller stays idle', async () => {
    let answer!: (r: Replay) => void;
    const { api, calls } = fakeApi({ startReplay: () => new Promise<Replay>((resolve) => (answer = resolve)) });
    const phases: string[] = [];
    const c = new ReplayController(api, (v) => phases.push(v.phase), () => 0);
    const started = c.start(new Date(t0), new Date(t0 + 60_000), 10);
    expect(c.view.phase).toBe('starting');
    await c.leave();
    expect(c.view.phase).toBe('idle');
    answer(replay('running', null));
    expect(await started).toBeNull();
    await Promise.resolve();
    expect(calls).toEqual(['stop']);
    expect(c.view).toEqual({ phase: 'idle', replay: null, error: null });
    expect(phases).toEqual(['starting', 'idle']);
    expect(c.seekable).toBe(false);
  });

  it('a start that fails after "back to live" leaves no error behind', async () => {
    let fail!: (e: unknown) => void;
    const { api } = fakeApi({ startReplay: () => new Promise<Replay>((_, reject) => (fail = reject)) });
    const c = new ReplayController(api, () => undefined, () => 0);
    const started = c.start(new Date(t0), new Date(t0 + 60_000), 10);
    await c.leave();
    fail(new ApiError('http', 500, 'boom'));
    expect(await started).toBeNull();
    expect(c.view).toEqual({ phase: 'idle', replay: null, error: null });
  });

  it('shows a failed session with its detail', async () => {
    const { api } = fakeApi();
    const c = new ReplayController(api, () => undefined);
    await c.start(new Date(t0), new Date(t0 + 1000), 1);
    c.onReplay({ ...replay('failed', from), detail: 'journal unavailable' });
    expect(c.view.error).toEqual({ key: 'replay.error.server', detail: 'journal unavailable' });
  });
});

describe('replay slider', () => {
  const a = t0;
  const b = Date.parse(to);

  it('maps slider values to whole seconds in the period, clamped', () => {
    expect(sliderToTime(0, a, b)).toBe(a);
    expect(sliderToTime(sliderSteps, a, b)).toBe(b);
    expect(sliderToTime(500, a, b)).toBe(a + 450_000);
    expect(sliderToTime(1, a, b)).toBe(a + 1000); // 0.9 s rounds to a whole second
    expect(sliderToTime(-5, a, b)).toBe(a);
    expect(sliderToTime(5000, a, b)).toBe(b);
    expect(sliderToTime(Number.NaN, a, b)).toBe(a);
    expect(sliderToTime(500, Number.NaN, b)).toBeNaN();
    expect(sliderToTime(500, b, a)).toBeNaN();
  });

  it('maps times back to slider values', () => {
    expect(timeToSlider(a, a, b)).toBe(0);
    expect(timeToSlider(b, a, b)).toBe(sliderSteps);
    expect(timeToSlider(a + 450_000, a, b)).toBe(500);
    expect(timeToSlider(a - 1, a, b)).toBe(0);
    expect(timeToSlider(Number.NaN, a, b)).toBe(0);
    for (const v of [0, 123, 500, 999, 1000]) expect(Math.abs(timeToSlider(sliderToTime(v, a, b), a, b) - v)).toBeLessThanOrEqual(1);
  });

  it('seeks a playing or paused session through the API and jumps the clock; not once it is over', async () => {
    const { api, calls } = fakeApi();
    const c = new ReplayController(api, () => undefined, () => 0);
    await c.seek(new Date(t0 + 1000));
    expect(calls).toEqual([]);
    await c.start(new Date(t0), new Date(b), 10);
    const target = new Date(t0 + 600_000).toISOString();
    await c.seek(new Date(target));
    expect(calls).toEqual(['start 10', `seek ${target}`]);
    expect(c.clock.positionAt(0)).toBe(t0 + 600_000);
    c.onReplay(replay('finished', to));
    expect(c.seekable).toBe(false);
    await c.seek(new Date(t0));
    expect(calls).toHaveLength(2);
  });
});
