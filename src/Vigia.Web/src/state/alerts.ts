import type { Alert, AlertEvent, AlertLevel } from '../api/types';

/** Levels from least to most severe; anything else the server might send ranks below advisory. */
export const alertLevels: readonly AlertLevel[] = ['advisory', 'warning', 'alarm'];

/** 1 advisory, 2 warning, 3 alarm, 0 for anything else. */
export function levelRank(level: string | null | undefined): number {
  return alertLevels.indexOf(level as AlertLevel) + 1;
}

/** Whether a document is an alert the console can show (an id, a version, a level). */
export function isUsableAlert(value: unknown): value is Alert {
  if (typeof value !== 'object' || value === null) return false;
  const a = value as Partial<Alert>;
  return typeof a.id === 'string' && a.id !== '' && typeof a.version === 'number' && Number.isFinite(a.version) && typeof a.level === 'string';
}

const time = (iso: string | null | undefined): number => (iso ? Date.parse(iso) : Number.NaN);

/**
 * Whether the console must show its live-alarm banner: a replay is on screen (panels, banner and zones show
 * the replayed alerts, and nothing can be acknowledged) while a live alert at alarm level stands. A live
 * alarm is never hidden behind a replay; the banner's button leaves the replay.
 */
export function liveAlarmBehindReplay(replaying: boolean, live: Pick<AlertStore, 'anyAlarm'>): boolean {
  return replaying && live.anyAlarm();
}

/** Most severe first; then the most recently raised; then by id (a stable order). */
export function compareAlerts(a: Alert, b: Alert): number {
  const byLevel = levelRank(b.level) - levelRank(a.level);
  if (byLevel !== 0) return byLevel;
  const ta = time(a.raised_at);
  const tb = time(b.raised_at);
  const byTime = (Number.isFinite(tb) ? tb : -Infinity) - (Number.isFinite(ta) ? ta : -Infinity);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What a change means for the operator's ear: a new alert, or one that became a warning or alarm. */
export type Cue = { kind: 'raised' | 'escalated'; alert: Alert };

/**
 * Standing alerts by id, as the stream and GET /api/v1/alerts tell them. A version older than the one held
 * is ignored (the REST answer and the stream may cross); `cleared` (or `active: false`) removes. Each change
 * bumps `version`, so views redraw only when something changed.
 */
export class AlertStore {
  readonly alerts = new Map<string, Alert>();
  /** Wall time (ms) each held alert was last changed here: a list fetched before that must not remove it. */
  private readonly changedAt = new Map<string, number>();
  /** Bumped on every change. */
  version = 0;
  /** Alert documents ignored (no id, version or level). */
  rejected = 0;

  /** Applies one stream event; returns the cue to sound, if any. */
  apply(event: AlertEvent, wallNow: number): Cue | null {
    const alert = event?.alert;
    if (!isUsableAlert(alert)) {
      this.rejected++;
      return null;
    }
    const held = this.alerts.get(alert.id);
    if (held && held.version > alert.version) return null;
    if (held && held.version === alert.version && event.change !== 'cleared') return null;
    if (event.change === 'cleared' || alert.active === false || alert.cleared_at) {
      if (this.alerts.delete(alert.id)) {
        this.changedAt.delete(alert.id);
        this.version++;
      }
      return null;
    }
    this.alerts.set(alert.id, alert);
    this.changedAt.set(alert.id, wallNow);
    this.version++;
    // A new alert sounds; so does one first heard of as standing (raised while this console was away).
    if (!held && (event.change === 'raised' || event.change === 'standing')) return { kind: 'raised', alert };
    if (held && levelRank(alert.level) > levelRank(held.level) && levelRank(alert.level) >= levelRank('warning')) return { kind: 'escalated', alert };
    return null;
  }

  /**
   * The standing alerts as GET /api/v1/alerts listed them, asked for at `askedAt` (wall ms): newer versions
   * held are kept, alerts missing from the list are dropped unless they changed here after the question.
   */
  replace(list: readonly unknown[], askedAt: number): void {
    const listed = new Set<string>();
    let changed = false;
    for (const a of Array.isArray(list) ? list : []) {
      if (!isUsableAlert(a)) {
        this.rejected++;
        continue;
      }
      if (a.active === false || a.cleared_at) continue;
      listed.add(a.id);
      const held = this.alerts.get(a.id);
      if (held && held.version >= a.version) continue;
      this.alerts.set(a.id, a);
      this.changedAt.set(a.id, askedAt);
      changed = true;
    }
    for (const id of [...this.alerts.keys()]) {
      if (!listed.has(id) && (this.changedAt.get(id) ?? 0) <= askedAt) {
        this.alerts.delete(id);
        this.changedAt.delete(id);
        changed = true;
      }
    }
    if (changed) this.version++;
  }

  /** Standing alerts, most severe first, then newest. */
  sorted(): Alert[] {
    return [...this.alerts.values()].sort(compareAlerts);
  }

  /** The highest level standing on each zone: a threat's own zone, and the zones a lost sensor covered. */
  zoneLevels(): Map<string, AlertLevel> {
    const out = new Map<string, AlertLevel>();
    const raise = (zone: string | null | undefined, level: string) => {
      if (!zone || levelRank(level) === 0) return;
      const current = out.get(zone);
      if (!current || levelRank(level) > levelRank(current)) out.set(zone, level as AlertLevel);
    };
    for (const a of this.alerts.values()) {
      raise(a.zone_id, a.level);
      if (Array.isArray(a.covered_zone_ids)) for (const z of a.covered_zone_ids) if (typeof z === 'string') raise(z, a.level);
    }
    return out;
  }

  /** Whether an alarm stands that nobody has acknowledged (the alarm tone repeats while so). */
  unacknowledgedAlarm(): boolean {
    for (const a of this.alerts.values()) if (a.level === 'alarm' && !a.acknowledged_at && !a.acknowledged_by) return true;
    return false;
  }

  /** Whether any standing alert is at alarm level, acknowledged or not. */
  anyAlarm(): boolean {
    for (const a of this.alerts.values()) if (a.level === 'alarm') return true;
    return false;
  }

  /** Whether any standing alert is an exercise. */
  anyExercise(): boolean {
    for (const a of this.alerts.values()) if (a.exercise === true) return true;
    return false;
  }

  clear(): void {
    this.alerts.clear();
    this.changedAt.clear();
    this.version++;
  }
}
