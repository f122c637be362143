import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { ReopenWatch, StreamClient, type ConnectionStatus, type EventSourceLike, type Timers } from './stream';

class FakeSource implements EventSourceLike {
  onopen: ((ev: Event) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  closed = false;
  readonly listeners = new Map<string, (ev: MessageEvent) => void>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    this.listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  fail(): void {
    this.onerror?.(new Event('error'));
  }
  send(type: string, data: string): void {
    this.listeners.get(type)?.({ data } as MessageEvent);
  }
}

class FakeTimers implements Timers {
  time = 0;
  private next = 1;
  readonly pending = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.time + ms, fn });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].fn();
    }
    this.time = end;
  }
}

function setup(stallMs = 0) {
  const sources: FakeSource[] = [];
  const timers = new FakeTimers();
  const statuses: ConnectionStatus[] = [];
  const received: unknown[] = [];
  let drops = 0;
  const bad: string[] = [];
  const client = new StreamClient({
    url: () => `/api/v1/stream?access_token=k${sources.length}`,
    handlers: { snapshot: (d) => received.push(d), tracks: (d) => received.push(d) },
    onStatus: (s) => statuses.push(s),
    onDrop: () => drops++,
    onBadEvent: (name) => bad.push(name),
    factory: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    timers,
    backoff: new Backoff(1000, 8000, () => 1),
    stallMs,
  });
  return { client, sources, timers, statuses, received, drops: () => drops, bad };
}

describe('Backoff', () => {
  it('doubles from the base up to the cap, with jitter within [half, full]', () => {
    const high = new Backoff(1000, 8000, () => 1);
    expect([high.next(), high.next(), high.next(), high.next(), high.next()]).toEqual([1000, 2000, 4000, 8000, 8000]);
    const low = new Backoff(1000, 8000, () => 0);
    expect([low.next(), low.next()]).toEqual([500, 1000]);
  });

  it('starts again from the base after reset', () => {
    const b = new Backoff(1000, 8000, () => 1);
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(1000);
  });
});

describe('StreamClient', () => {
  it('connects, reports open, and passes parsed events to their handlers', () => {
    const s = setup();
    s.client.start();
    expect(s.statuses.at(-1)?.state).toBe('connecting');
    s.sources[0]!.open();
    expect(s.statuses.at(-1)?.state).toBe('open');
    s.sources[0]!.send('snapshot', '{"mode":"live","tracks":[]}');
    expect(s.received).toEqual([{ mode: 'live', tracks: [] }]);
  });

  it('on an error closes the source and reconnects after growing delays', () => {
    const s = setup();
    s.client.start();
    s.sources[0]!.fail();
    expect(s.sources[0]!.closed).toBe(true);
    expect(s.client.current.state).toBe('reconnecting');
    expect(s.client.current.retryAt).toBe(1000);
    expect(s.drops()).toBe(1);
    s.timers.advance(999);
    expect(s.sources).toHaveLength(1);
    s.timers.advance(1);
    expect(s.sources).toHaveLength(2);
    s.sources[1]!.fail();
    expect(s.client.current.retryAt).toBe(1000 + 2000);
    s.timers.advance(2000);
    expect(s.sources).toHaveLength(3);
    s.sources[2]!.fail();
    s.timers.advance(4000);
    expect(s.sources).toHaveLength(4);
  });

  it('resets the backoff once a message arrives on the new connection', () => {
    const s = setup();
    s.client.start();
    s.sources[0]!.fail();
    s.timers.advance(1000);
    s.sources[1]!.fail();
    s.timers.advance(2000);
    s.sources[2]!.open();
    s.sources[2]!.send('snapshot', '{"tracks":[]}');
    expect(s.client.current).toMatchObject({ state: 'open', attempts: 0 });
    s.sources[2]!.fail();
    expect(s.client.current.retryAt).toBe(s.timers.time + 1000);
  });

  it('ignores events of a connection it already dropped', () => {
    const s = setup();
    s.client.start();
    const old = s.sources[0]!;
    old.fail();
    s.timers.advance(1000);
    old.send('tracks', '{"stale":true}');
    expect(s.received).toEqual([]);
  });

  it('reports data that is not JSON instead of throwing', () => {
    const s = setup();
    s.client.start();
    s.sources[0]!.send('tracks', '{"updated":[');
    expect(s.bad).toEqual(['tracks']);
    expect(s.received).toEqual([]);
  });

  it('reconnects a stream that goes silent (a drop the browser does not notice)', () => {
    const s = setup(10_000);
    s.client.start();
    s.sources[0]!.open();
    s.timers.advance(9_000);
    s.sources[0]!.send('tracks', '{}');
    s.timers.advance(9_000);
    expect(s.sources).toHaveLength(1);
    s.timers.advance(1_000);
    expect(s.sources[0]!.closed).toBe(true);
    expect(s.client.current.state).toBe('reconnecting');
    s.timers.advance(1_000);
    expect(s.sources).toHaveLength(2);
  });

  it('stops for good: no reconnect after stop', () => {
    const s = setup();
    s.client.start();
    s.sources[0]!.fail();
    s.client.stop();
    s.timers.advance(60_000);
    expect(s.sources).toHaveLength(1);
    expect(s.client.current.state).toBe('closed');
  });

  it('reconnectNow opens a fresh connection at once', () => {
    const s = setup();
    s.client.start();
    s.sources[0]!.fail();
    s.client.reconnectNow();
    expect(s.sources).toHaveLength(2);
    s.timers.advance(60_000);
    expect(s.sources).toHaveLength(2);
  });
});

describe('ReopenWatch', () => {
  /** Feeds every status the client reported since the last call; true when any said "opened again". */
  function watching(s: ReturnType<typeof setup>) {
    const watch = new ReopenWatch();
    let seen = 0;
    return () => {
      let reopened = false;
      for (; seen < s.statuses.length; seen++) if (watch.next(s.statuses[seen]!.state)) reopened = true;
      return reopened;
    };
  }

  it('says the stream opened again after a drop, although connecting comes between reconnecting and open', () => {
    const s = setup();
    const reopened = watching(s);
    s.client.start();
    s.sources[0]!.open();
    s.sources[0]!.send('snapshot', '{"tracks":[]}');
    expect(reopened()).toBe(false); // the first connection
    s.sources[0]!.fail();
    expect(reopened()).toBe(false);
    s.timers.advance(1000);
    expect(s.statuses.slice(-2).map((x) => x.state)).toEqual(['reconnecting', 'connecting']);
    s.sources[1]!.open();
    expect(reopened()).toBe(true);
    // The first message reports open again: not a second reopening.
    s.sources[1]!.send('snapshot', '{"tracks":[]}');
    expect(s.statuses.at(-1)?.state).toBe('open');
    expect(reopened()).toBe(false);
  });

  it('says so on every reopening: after several failed tries, after a stall, after "retry now"', () => {
    const s = setup(10_000);
    const reopened = watching(s);
    s.client.start();
    s.sources[0]!.open();
    expect(reopened()).toBe(false);
    s.sources[0]!.fail();
    s.timers.advance(1000);
    s.sources[1]!.fail();
    s.timers.advance(2000);
    s.sources[2]!.open();
    s.sources[2]!.send('snapshot', '{"tracks":[]}');
    expect(reopened()).toBe(true);
    s.timers.advance(10_000); // silent: the watchdog drops it
    s.timers.advance(1000);
    s.sources[3]!.open();
    expect(reopened()).toBe(true);
    s.client.reconnectNow();
    s.sources[4]!.open();
    expect(reopened()).toBe(true);
  });

  it('counts a first connection that only came after a failed try', () => {
    const s = setup();
    const reopened = watching(s);
    s.client.start();
    s.sources[0]!.fail();
    s.timers.advance(1000);
    s.sources[1]!.open();
    expect(reopened()).toBe(true);
  });
});
