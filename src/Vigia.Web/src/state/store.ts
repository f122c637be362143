import type { Mode, Picture, Track, TracksEvent } from '../api/types';

/** One point of a track's recent path, kept by the console for trails and sparklines. */
export interface TrailPoint {
  /** Data time, ms since the epoch. */
  t: number;
  lon: number;
  lat: number;
  h: number;
  speed: number;
}

export interface StoreOptions {
  /** How much path to keep per track (s). */
  trailSeconds?: number;
  /** A track not updated for this long (data time, s) is dropped, in case its removal was missed. */
  staleSeconds?: number;
}

/** True when a track document has what the console needs to place it (id and a finite position). */
export function isUsableTrack(value: unknown): value is Track {
  if (typeof value !== 'object' || value === null) return false;
  const t = value as Partial<Track>;
  return (
    typeof t.id === 'number' &&
    typeof t.position === 'object' &&
    t.position !== null &&
    Number.isFinite(t.position.lat) &&
    Number.isFinite(t.position.lon) &&
    Math.abs(t.position.lat) <= 90 &&
    Math.abs(t.position.lon) <= 180
  );
}

function ms(iso: string | null | undefined): number {
  if (!iso) return Number.NaN;
  return Date.parse(iso);
}

/**
 * The picture as the stream tells it: tracks by id, the last minute of each one's path, and a data clock.
 * A snapshot replaces the picture; a tracks event updates and removes. Nothing is computed here that the
 * server does not say, except the trails (which are just the positions received) and the ageing guard.
 */
let stores = 0;

export class TrackStore {
  /** Tells stores apart (a replay's store from the live one, one replay's from the next). */
  readonly serial = ++stores;
  readonly tracks = new Map<number, Track>();
  readonly trails = new Map<number, TrailPoint[]>();
  mode: Mode = 'live';
  /** Data time of the last event (ms), NaN before the first. */
  time = Number.NaN;
  /** Wall time when that event arrived (ms). */
  receivedAt = Number.NaN;
  /** Track documents ignored because they lacked an id or a usable position. */
  rejected = 0;
  /** Bumped on every change, so views can skip work when nothing changed. */
  version = 0;

  private readonly trailMs: number;
  private readonly staleMs: number;

  constructor(options: StoreOptions = {}) {
    this.trailMs = (options.trailSeconds ?? 60) * 1000;
    this.staleMs = (options.staleSeconds ?? 30) * 1000;
  }

  applySnapshot(picture: Picture, wallNow: number): void {
    this.mode = picture.mode ?? this.mode;
    const incoming = new Map<number, Track>();
    for (const t of Array.isArray(picture.tracks) ? picture.tracks : []) {
      if (isUsableTrack(t)) incoming.set(t.id, t);
      else this.rejected++;
    }
    // Trails of tracks still present survive a reconnect; the rest go with their tracks.
    for (const id of [...this.trails.keys()]) if (!incoming.has(id)) this.trails.delete(id);
    this.tracks.clear();
    for (const [id, t] of incoming) {
      this.tracks.set(id, t);
      this.appendTrail(t);
    }
    this.advanceClock(ms(picture.time), wallNow, true);
    this.version++;
  }

  applyTracks(event: TracksEvent, wallNow: number): void {
    for (const t of Array.isArray(event.updated) ? event.updated : []) {
      if (!isUsableTrack(t)) {
        this.rejected++;
        continue;
      }
      this.tracks.set(t.id, t);
      this.appendTrail(t);
    }
    for (const id of Array.isArray(event.removed) ? event.removed : []) {
      this.tracks.delete(id);
      this.trails.delete(id);
    }
    this.advanceClock(ms(event.time), wallNow, false);
    this.version++;
  }

  /**
   * The data clock now: in live mode it runs on with the wall clock from the last event; in replay it
   * stands where the replay stands (a paused replay must not age its tracks).
   */
  dataNow(wallNow: number): number {
    if (Number.isNaN(this.time)) return Number.NaN;
    return this.mode === 'live' ? this.time + Math.max(0, wallNow - this.receivedAt) : this.time;
  }

  /** Drops trail points older than the trail window and tracks not updated within the stale limit. */
  age(wallNow: number): boolean {
    const now = this.dataNow(wallNow);
    if (Number.isNaN(now)) return false;
    let changed = false;
    for (const [id, trail] of this.trails) {
      let drop = 0;
      while (drop < trail.length && trail[drop]!.t < now - this.trailMs) drop++;
      if (drop > 0) {
        trail.splice(0, drop);
        changed = true;
      }
      if (trail.length === 0 && !this.tracks.has(id)) this.trails.delete(id);
    }
    for (const [id, t] of this.tracks) {
      const last = ms(t.last_update ?? t.time);
      if (Number.isFinite(last) && last < now - this.staleMs) {
        this.tracks.delete(id);
        this.trails.delete(id);
        changed = true;
      }
    }
    if (changed) this.version++;
    return changed;
  }

  /**
   * A replay moved to another time: the old picture and every trail go (a trail must not draw a line
   * across the jump), and the data clock stands at the target until the stream reports from there. The
   * server's own `tracks` event removing every id may come before or after this; both orders end empty.
   */
  seek(target: number, wallNow: number): void {
    this.tracks.clear();
    this.trails.clear();
    if (Number.isFinite(target)) {
      this.time = target;
      this.receivedAt = wallNow;
    }
    this.version++;
  }

  clear(): void {
    this.tracks.clear();
    this.trails.clear();
    this.time = Number.NaN;
    this.receivedAt = Number.NaN;
    this.version++;
  }

  private appendTrail(t: Track): void {
    const time = ms(t.time);
    if (!Number.isFinite(time)) return;
    let trail = this.trails.get(t.id);
    if (!trail) {
      trail = [];
      this.trails.set(t.id, trail);
    }
    const last = trail[trail.length - 1];
    // A replay that went back in time starts the trail afresh rather than joining across the jump.
    if (last && time < last.t && this.mode === 'replay') trail.length = 0;
    else if (last && time <= last.t) return;
    trail.push({ t: time, lon: t.position.lon, lat: t.position.lat, h: t.position.h ?? 0, speed: t.speed_mps ?? 0 });
  }

  private advanceClock(time: number, wallNow: number, snapshot: boolean): void {
    // A replay's clock follows its stream, backwards too (a seek); live data time only moves forward.
    if (Number.isFinite(time) && (snapshot || this.mode === 'replay' || Number.isNaN(this.time) || time >= this.time)) {
      this.time = time;
      this.receivedAt = wallNow;
    } else if (Number.isNaN(this.time)) {
      // A picture with no time yet (nothing tracked): the wall clock stands in for the data clock.
      this.time = wallNow;
      this.receivedAt = wallNow;
    }
  }
}
