import type { Alert, AlertHistory } from '../api/types';
import { levelRank } from '../state/alerts';
import { num, t, type Key, type Lang } from '../i18n/i18n';

/** The server's wording in `lang`, the other language's when that one is missing, else ''. */
export function alertText(alert: Alert, part: 'headline' | 'description' | 'instruction', lang: Lang): string {
  const own = alert[`${part}_${lang}`];
  const other = alert[`${part}_${lang === 'es' ? 'en' : 'es'}`];
  return typeof own === 'string' && own.trim() !== '' ? own : typeof other === 'string' ? other : '';
}

/** The level's name (`advisory`, `warning`, `alarm`; an unknown level as sent). */
export function levelName(level: string): string {
  return levelRank(level) > 0 ? t(`alert.level.${level}` as Key) : level;
}

const changes = new Set(['raised', 'updated', 'acknowledged', 'cleared', 'standing']);

/** A change's name in the timeline (an unknown one as sent). */
export function changeName(change: string): string {
  return changes.has(change) ? t(`alert.change.${change}` as Key) : change;
}

/** How long ago `iso` was at `now` (ms): "12 s", "4 min", "2 h 05 min"; '' when unreadable. */
export function elapsed(iso: string | null | undefined, now: number): string {
  const then = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(then) || !Number.isFinite(now)) return '';
  const s = Math.max(0, Math.floor((now - then) / 1000));
  if (s < 60) return t('alert.ago.s', { n: s });
  const m = Math.floor(s / 60);
  if (m < 60) return t('alert.ago.min', { n: m });
  const h = Math.floor(m / 60);
  return t('alert.ago.h', { h, m: String(m % 60).padStart(2, '0') });
}

/** Clock time of `iso` (HH:MM:SS in the UI language's style); '' when unreadable. */
export function clock(iso: string | null | undefined, lang: Lang): string {
  const d = iso ? new Date(iso) : null;
  if (!d || Number.isNaN(d.getTime())) return '';
  return d.toLocaleTimeString(lang === 'es' ? 'es-MX' : 'en-GB', { hour12: false });
}

/** The facts line of a threat: distance, time to entry, speed (whatever the server gave). */
export function threatFacts(alert: Alert): string[] {
  const out: string[] = [];
  if (typeof alert.distance_m === 'number' && Number.isFinite(alert.distance_m)) {
    out.push(alert.distance_m <= 0 ? t('alert.inside') : t('alert.distance', { v: num(alert.distance_m) }));
  }
  if (typeof alert.seconds_to_entry === 'number' && Number.isFinite(alert.seconds_to_entry) && alert.seconds_to_entry > 0) {
    out.push(t('alert.entryIn', { v: num(alert.seconds_to_entry) }));
  }
  if (typeof alert.speed_mps === 'number' && Number.isFinite(alert.speed_mps)) out.push(t('unit.mps', { v: num(alert.speed_mps, 1) }));
  return out;
}

/** One row of an incident's timeline. */
export interface TimelineRow {
  version: number;
  change: string;
  level: string;
  time: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

/** The timeline of GET /api/v1/alerts/{id}: each version's change, level, time and acknowledgement, oldest first. */
export function timelineRows(history: AlertHistory | null | undefined): TimelineRow[] {
  const versions = Array.isArray(history?.versions) ? history.versions : [];
  return versions
    .filter((v) => v && typeof v === 'object' && v.alert && typeof v.alert === 'object' && typeof v.alert.version === 'number')
    .map((v) => ({
      version: v.alert.version,
      change: typeof v.change === 'string' ? v.change : '',
      level: typeof v.alert.level === 'string' ? v.alert.level : '',
      time: (v.change === 'acknowledged' ? v.alert.acknowledged_at : v.change === 'cleared' ? v.alert.cleared_at : null) ?? v.alert.updated_at ?? v.alert.raised_at ?? '',
      acknowledgedBy: v.alert.acknowledged_by ?? null,
      acknowledgedAt: v.alert.acknowledged_at ?? null,
    }))
    .sort((a, b) => a.version - b.version);
}
