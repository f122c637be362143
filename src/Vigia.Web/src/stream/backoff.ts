/**
 * Reconnect delays: exponential from `baseMs`, capped at `maxMs`, with "equal jitter" (half fixed, half
 * random) so many consoles do not reconnect in step after a server restart.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    readonly baseMs = 1000,
    readonly maxMs = 30_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next try; each call counts one failed try. */
  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(ceiling / 2 + (ceiling / 2) * this.random());
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
