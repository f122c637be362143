import type { Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { dateTime, t, type Key } from '../i18n/i18n';
import { clear, h } from './dom';
import { degrees, latLon, metres, none, speed } from './format';
import { sparkline } from './sparkline';

/**
 * The selected track's identity card. Fields the API does not give yet (type, operator ID, self-ID,
 * plausibility flags, contributing sensors) are shown as "not available" so the gap stays visible.
 */
export class IdentityCard {
  readonly element: HTMLElement;

  constructor(private readonly onClose: () => void) {
    this.element = h('section', { class: 'identity-card', hidden: true });
  }

  render(track: Track | null, trail: readonly TrailPoint[] | undefined, selectedId: number | null): void {
    clear(this.element);
    if (selectedId === null) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    const close = h('button', { type: 'button', class: 'close', i18nTitle: 'card.close', onClick: () => this.onClose() }, '×');
    this.element.append(h('header', {}, h('h2', {}, t('card.title', { id: selectedId })), close));
    if (!track) {
      this.element.append(h('p', { class: 'gone' }, t('card.gone')));
      return;
    }
    const unavailable = () => h('span', { class: 'unavailable', title: t('value.unavailableNote') }, t('value.unavailable'));
    const rows: Array<[Key, Node | string]> = [
      ['card.uasId', track.uas_id ?? none()],
      ['card.cooperative', track.cooperative ? t('value.yes') : t('value.no')],
      ['card.status', statusText(track.status)],
      ['card.type', unavailable()],
      ['card.operatorId', unavailable()],
      ['card.selfId', unavailable()],
      ['card.flags', unavailable()],
      ['card.contributors', unavailable()],
      ['card.firstSeen', dateTime(track.first_seen)],
      ['card.lastUpdate', dateTime(track.last_update ?? track.time)],
      ['card.speed', speed(track.speed_mps)],
      ['card.heading', degrees(track.heading_deg)],
      ['card.altitude', metres(track.position.h)],
      ['card.sigma', metres(track.position_std_m, 1)],
      ['card.operator', track.operator ? `${latLon(track.operator.lat, track.operator.lon)} · ${metres(track.operator.h)}` : none()],
      ['card.updates', typeof track.updates === 'number' ? String(track.updates) : none()],
    ];
    const dl = h('dl');
    for (const [key, value] of rows) dl.append(h('dt', {}, t(key)), h('dd', {}, value));
    this.element.append(dl);
    const points = trail ?? [];
    this.element.append(
      h('figure', {}, h('figcaption', {}, t('card.speedHistory')), sparkline(points.map((p) => p.speed), t('card.speedHistory'))),
      h('figure', {}, h('figcaption', {}, t('card.altitudeHistory')), sparkline(points.map((p) => p.h), t('card.altitudeHistory'))),
    );
  }
}

function statusText(status: string | undefined): string {
  switch (status) {
    case 'tentative':
      return t('status.tentative');
    case 'confirmed':
      return t('status.confirmed');
    case 'coasting':
      return t('status.coasting');
    default:
      return status ?? none();
  }
}
