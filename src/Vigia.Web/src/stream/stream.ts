import { Backoff } from './backoff';

/** The part of EventSource the client uses, so tests can script a server. */
export interface EventSourceLike {
  onopen: ((ev: Event) => void) | null;
  onerror: ((ev: Event) => void) | null;
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectionStatus {
  state: ConnectionState;
  /** When the next try is due (timer clock), while reconnecting. */
  retryAt?: number;
  /** Failed tries since the last good message. */
  attempts: number;
  /** Time of the last message (timer clock), if any. */
  lastMessageAt?: number;
}

/**
 * Tells, from a stream's successive states, when it has opened again after being down: `open` after a drop
 * (`reconnecting`), a "retry now", or any other way out of `open`. StreamClient always reports `connecting`
 * between `reconnecting` and `open`, so the state just before `open` cannot say it; the first open after
 * start counts only when a try failed before it. A repeated `open` (the first message after a reconnect)
 * is not another reopening.
 */
export class ReopenWatch {
  private open = false;
  /** Down since the stream was last open (or a try failed since the start). */
  private interrupted = false;

  /** The next reported state; true when it is the stream opening again after being down. */
  next(state: ConnectionState): boolean {
    if (state === 'open') {
      const reopened = !this.open && this.interrupted;
      this.open = true;
      this.interrupted = false;
      return reopened;
    }
    if (this.open || state === 'reconnecting') this.interrupted = true;
    this.open = false;
    return false;
  }
}

export interface StreamOptions {
  url: () => string;
  /** Handlers by event name; each gets the parsed JSON of the event's data. */
  handlers: Record<string, (data: unknown) => void>;
  onStatus?: (status: ConnectionStatus) => void;
  /** Called after each drop, before the wait (the console checks there whether the key is still good). */
  onDrop?: () => void;
  /** Data that is not JSON: counted and reported, never thrown. */
  onBadEvent?: (event: string, error: unknown) => void;
  factory?: EventSourceFactory;
  timers?: Timers;
  backoff?: Backoff;
  /** Reconnect when nothing arrives for this long (ms); 0 = never. The live stream sends sensors every second. */
  stallMs?: number;
}

/**
 * One Server-Sent Events subscription that stays up: on an error or a stall it closes the EventSource
 * (instead of the browser's fixed-delay retry), waits a backoff delay, and opens a new one; the server
 * starts every connection with a snapshot, so the picture is whole again after each reconnect.
 */
export class StreamClient {
  private source: EventSourceLike | null = null;
  private retryTimer: unknown = null;
  private stallTimer: unknown = null;
  private readonly factory: EventSourceFactory;
  private readonly timers: Timers;
  private readonly backoff: Backoff;
  private status: ConnectionStatus = { state: 'idle', attempts: 0 };
  private generation = 0;

  constructor(private readonly options: StreamOptions) {
    this.factory = options.factory ?? ((url) => new EventSource(url) as unknown as EventSourceLike);
    this.timers = options.timers ?? browserTimers;
    this.backoff = options.backoff ?? new Backoff();
  }

  get current(): ConnectionStatus {
    return this.status;
  }

  start(): void {
    if (this.status.state !== 'idle' && this.status.state !== 'closed') return;
    this.open();
  }

  /** Closes now and for good (until start). */
  stop(): void {
    this.generation++;
    this.closeSource();
    this.clearTimers();
    this.setStatus({ state: 'closed', attempts: this.backoff.attempts });
  }

  /** Drops the connection and reconnects at once (the console's "retry now"). */
  reconnectNow(): void {
    this.generation++;
    this.closeSource();
    this.clearTimers();
    this.open();
  }

  private open(): void {
    const generation = ++this.generation;
    this.setStatus({ state: 'connecting', attempts: this.backoff.attempts, lastMessageAt: this.status.lastMessageAt });
    let source: EventSourceLike;
    try {
      source = this.factory(this.options.url());
    } catch {
      this.drop(generation);
      return;
    }
    this.source = source;
    source.onopen = () => {
      if (generation !== this.generation) return;
      this.setStatus({ state: 'open', attempts: this.backoff.attempts, lastMessageAt: this.status.lastMessageAt });
      this.armStallTimer(generation);
    };
    source.onerror = () => this.drop(generation);
    for (const [name, handler] of Object.entries(this.options.handlers)) {
      source.addEventListener(name, (ev: MessageEvent) => {
        if (generation !== this.generation) return;
        this.received();
        this.armStallTimer(generation);
        let data: unknown;
        try {
          data = JSON.parse(String(ev.data));
        } catch (e) {
          this.options.onBadEvent?.(name, e);
          return;
        }
        handler(data);
      });
    }
  }

  private received(): void {
    // A message proves the connection good: the next drop starts the backoff again from its base.
    this.backoff.reset();
    const wasOpen = this.status.state === 'open' && this.status.attempts === 0;
    this.status = { state: 'open', attempts: 0, lastMessageAt: this.timers.now() };
    if (!wasOpen) this.options.onStatus?.(this.status);
  }

  private drop(generation: number): void {
    if (generation !== this.generation) return;
    this.generation++;
    this.closeSource();
    this.clearTimers();
    const delay = this.backoff.next();
    this.setStatus({ state: 'reconnecting', retryAt: this.timers.now() + delay, attempts: this.backoff.attempts, lastMessageAt: this.status.lastMessageAt });
    this.options.onDrop?.();
    const expected = this.generation;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (expected === this.generation) this.open();
    }, delay);
  }

  private armStallTimer(generation: number): void {
    const stallMs = this.options.stallMs ?? 0;
    if (stallMs <= 0) return;
    if (this.stallTimer !== null) this.timers.clearTimeout(this.stallTimer);
    this.stallTimer = this.timers.setTimeout(() => {
      this.stallTimer = null;
      this.drop(generation);
    }, stallMs);
  }

  private closeSource(): void {
    if (this.source) {
      this.source.onopen = null;
      this.source.onerror = null;
      this.source.close();
      this.source = null;
    }
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) this.timers.clearTimeout(this.retryTimer);
    if (this.stallTimer !== null) this.timers.clearTimeout(this.stallTimer);
    this.retryTimer = null;
    this.stallTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.options.onStatus?.(status);
  }
}
