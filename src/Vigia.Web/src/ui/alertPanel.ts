import { ApiError } from '../api/client';
import type { Alert, AlertHistory } from '../api/types';
import { language, t } from '../i18n/i18n';
import { levelRank } from '../state/alerts';
import { alertText, changeName, clock, elapsed, levelName, threatFacts, timelineRows } from './alertFormat';
import { clear, h } from './dom';

export interface AlertPanelActions {
  acknowledge(id: string): Promise<Alert>;
  history(id: string): Promise<AlertHistory>;
  /** A contributing track was clicked. */
  selectTrack(id: number): void;
  /** The server accepted an acknowledgement: the store takes the new version at once. */
  acknowledged(alert: Alert): void;
  /** The server refused an operator action (403): this key is a viewer. */
  forbidden(): void;
  /** The key stopped working (401). */
  unauthorized(): void;
}

/** An incident timeline as loaded: for which alert version, and the rows or the failure. */
interface Timeline {
  version: number;
  state: 'loading' | 'loaded' | 'failed';
  history?: AlertHistory;
  error?: string;
}

const levelClass = (level: string) => `level-${levelRank(level) > 0 ? level : 'unknown'}`;

/**
 * The standing alerts, most severe first: level colour, EXERCISE label, headline, description and
 * instruction in the UI language, time since raised, the zone and its facts, the contributing tracks
 * (click → select), the acknowledgement (who/when, or the Acknowledge button for operators) and the
 * incident timeline on demand (GET /api/v1/alerts/{id}).
 */
export class AlertPanel {
  readonly element = h('section', { class: 'alert-panel' });
  private readonly timelines = new Map<string, Timeline>();
  private readonly open = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly errors = new Map<string, string>();
  /** The "time since raised" cells, refreshed each second without a redraw. */
  private agoCells: Array<[HTMLElement, string]> = [];
  private alerts: Alert[] = [];
  private canOperate = false;

  constructor(private readonly actions: AlertPanelActions) {}

  /** Redraws with `alerts` (sorted); `canOperate` shows the Acknowledge buttons. */
  render(alerts: Alert[], canOperate: boolean, now: number): void {
    this.alerts = alerts;
    this.canOperate = canOperate;
    // Forget what belongs to alerts no longer standing.
    const ids = new Set(alerts.map((a) => a.id));
    for (const id of [...this.timelines.keys()]) if (!ids.has(id)) this.timelines.delete(id);
    for (const id of [...this.open]) if (!ids.has(id)) this.open.delete(id);
    for (const id of [...this.errors.keys()]) if (!ids.has(id)) this.errors.delete(id);
    clear(this.element);
    this.agoCells = [];
    if (alerts.length === 0) {
      this.element.append(h('p', { class: 'empty' }, t('alert.none')));
      return;
    }
    this.element.append(h('p', { class: 'summary' }, alerts.length === 1 ? t('alert.countOne') : t('alert.count', { n: alerts.length })));
    const list = h('ul', { class: 'alerts' });
    for (const a of alerts) list.append(this.card(a, now));
    this.element.append(list);
  }

  /** Once a second: the ages only. */
  tick(now: number): void {
    for (const [cell, iso] of this.agoCells) {
      const text = elapsed(iso, now);
      if (cell.textContent !== text) cell.textContent = text;
    }
  }

  private card(a: Alert, now: number): HTMLElement {
    const lang = language();
    const ago = h('span', { class: 'ago', title: t('alert.raisedAt', { time: clock(a.raised_at, lang) }) }, elapsed(a.raised_at, now));
    if (a.raised_at) this.agoCells.push([ago, a.raised_at]);
    const description = alertText(a, 'description', lang);
    const instruction = alertText(a, 'instruction', lang);
    const facts = threatFacts(a);
    const tracks = Array.isArray(a.track_ids) ? a.track_ids.filter((id): id is number => typeof id === 'number') : [];
    const li = h('li', { class: `alert ${levelClass(a.level)}${a.exercise ? ' exercise' : ''}`, 'data-id': a.id, 'data-level': a.level, 'data-version': a.version },
      h('header', {},
        h('span', { class: 'level-badge' }, levelName(a.level)),
        a.exercise ? h('span', { class: 'exercise-tag' }, t('alert.exercise')) : null,
        ago),
      h('strong', { class: 'headline' }, alertText(a, 'headline', lang)),
      description ? h('p', { class: 'description' }, description) : null,
      instruction ? h('p', { class: 'instruction' }, h('span', { class: 'label' }, `${t('alert.instruction')}: `), instruction) : null,
      a.zone_name || a.zone_id || facts.length > 0
        ? h('p', { class: 'facts' }, a.zone_name || a.zone_id ? h('span', { class: 'zone' }, `${t('alert.zone')}: ${a.zone_name ?? a.zone_id}`) : null, facts.length > 0 ? ` · ${facts.join(' · ')}` : '')
        : null,
      a.sensor_id ? h('p', { class: 'facts' }, `${t('alert.sensor')}: ${a.sensor_id}` + (Array.isArray(a.covered_zone_ids) && a.covered_zone_ids.length > 0 ? ` · ${t('alert.coveredZones')}: ${a.covered_zone_ids.join(', ')}` : '')) : null,
      tracks.length > 0
        ? h('p', { class: 'tracks' }, h('span', { class: 'label' }, `${t('alert.tracks')}: `),
          ...tracks.map((id) => h('button', { type: 'button', class: 'track-link', 'data-track': id, title: t('alert.trackTitle', { id }), onClick: () => this.actions.selectTrack(id) }, String(id))))
        : null,
      this.acknowledgement(a),
      this.timeline(a));
    return li;
  }

  private acknowledgement(a: Alert): HTMLElement {
    const box = h('div', { class: 'ack' });
    if (a.acknowledged_by || a.acknowledged_at) {
      box.append(h('span', { class: 'acknowledged' }, t('alert.acknowledgedBy', { who: a.acknowledged_by ?? '?', time: clock(a.acknowledged_at, language()) })));
    } else {
      box.append(h('span', { class: 'unacknowledged' }, t('alert.notAcknowledged')));
      if (this.canOperate) {
        const busy = this.pending.has(a.id);
        box.append(h('button', { type: 'button', class: 'primary acknowledge', disabled: busy, onClick: () => void this.acknowledge(a.id) }, t(busy ? 'alert.acknowledging' : 'alert.acknowledge')));
      }
    }
    const error = this.errors.get(a.id);
    if (error) box.append(h('p', { class: 'error', role: 'alert' }, error));
    return box;
  }

  private async acknowledge(id: string): Promise<void> {
    if (this.pending.has(id)) return;
    this.pending.add(id);
    this.errors.delete(id);
    this.redraw();
    try {
      const alert = await this.actions.acknowledge(id);
      this.pending.delete(id);
      this.actions.acknowledged(alert);
    } catch (e) {
      this.pending.delete(id);
      if (e instanceof ApiError && e.failure === 'unauthorized') return this.actions.unauthorized();
      if (e instanceof ApiError && e.failure === 'forbidden') {
        this.errors.set(id, t('alert.error.forbidden'));
        this.actions.forbidden();
      } else {
        this.errors.set(id, t('alert.error.server', { detail: e instanceof Error ? e.message : String(e) }));
      }
      this.redraw();
    }
  }

  private timeline(a: Alert): HTMLElement {
    const isOpen = this.open.has(a.id);
    const box = h('div', { class: 'timeline' },
      h('button', { type: 'button', class: 'timeline-toggle', 'aria-expanded': isOpen ? 'true' : 'false', onClick: () => this.toggleTimeline(a) }, t(isOpen ? 'alert.timelineHide' : 'alert.timeline')));
    if (!isOpen) return box;
    const tl = this.timelines.get(a.id);
    if (!tl || tl.state === 'loading') {
      box.append(h('p', { class: 'loading' }, t('alert.timelineLoading')));
    } else if (tl.state === 'failed') {
      box.append(h('p', { class: 'error' }, t('alert.timelineError', { detail: tl.error ?? '' })));
    } else {
      const lang = language();
      const body = h('tbody');
      for (const row of timelineRows(tl.history)) {
        body.append(h('tr', { class: levelClass(row.level), 'data-change': row.change },
          h('td', { class: 'num' }, String(row.version)),
          h('td', {}, changeName(row.change)),
          h('td', {}, h('span', { class: 'level-dot' }), levelName(row.level)),
          h('td', {}, clock(row.time, lang)),
          h('td', {}, row.acknowledgedBy ?? '')));
      }
      box.append(h('table', { class: 'timeline-table' },
        h('thead', {}, h('tr', {}, ...(['alert.col.version', 'alert.col.change', 'alert.col.level', 'alert.col.time', 'alert.col.by'] as const).map((k) => h('th', {}, t(k))))),
        body));
    }
    return box;
  }

  private toggleTimeline(a: Alert): void {
    if (this.open.has(a.id)) {
      this.open.delete(a.id);
    } else {
      this.open.add(a.id);
      const tl = this.timelines.get(a.id);
      // Loaded again when the alert has changed since (the timeline has a new row).
      if (!tl || tl.version !== a.version || tl.state === 'failed') void this.loadTimeline(a);
    }
    this.redraw();
  }

  private async loadTimeline(a: Alert): Promise<void> {
    const entry: Timeline = { version: a.version, state: 'loading' };
    this.timelines.set(a.id, entry);
    try {
      entry.history = await this.actions.history(a.id);
      entry.state = 'loaded';
    } catch (e) {
      if (e instanceof ApiError && e.failure === 'unauthorized') return this.actions.unauthorized();
      entry.state = 'failed';
      entry.error = e instanceof Error ? e.message : String(e);
    }
    if (this.timelines.get(a.id) === entry) this.redraw();
  }

  /** Open timelines follow their alert: a new version loads the timeline again. */
  refreshOpenTimelines(): void {
    for (const a of this.alerts) {
      const tl = this.timelines.get(a.id);
      if (this.open.has(a.id) && tl && tl.state !== 'loading' && tl.version !== a.version) void this.loadTimeline(a);
    }
  }

  private redraw(): void {
    this.render(this.alerts, this.canOperate, Date.now());
  }
}

/**
 * The compact alert banner over the map (always on phones; on wide screens while the alerts tab is not
 * shown): the most severe alert's level, EXERCISE, headline, and how many more. A click opens the alerts.
 */
export class AlertBanner {
  readonly element: HTMLButtonElement;

  constructor(onOpen: () => void) {
    this.element = h('button', { type: 'button', class: 'alert-banner', hidden: true, i18nTitle: 'alert.bannerOpen', onClick: onOpen });
  }

  render(alerts: readonly Alert[]): void {
    const top = alerts[0];
    this.element.hidden = !top;
    clear(this.element);
    if (!top) return;
    this.element.className = `alert-banner ${levelClass(top.level)}`;
    this.element.dataset['level'] = top.level;
    this.element.append(
      h('span', { class: 'level-badge' }, levelName(top.level)),
      top.exercise ? h('span', { class: 'exercise-tag' }, t('alert.exercise')) : '',
      h('span', { class: 'headline' }, alertText(top, 'headline', language())),
      alerts.length > 1 ? h('span', { class: 'more' }, t('alert.bannerMore', { n: alerts.length - 1 })) : '');
  }
}
