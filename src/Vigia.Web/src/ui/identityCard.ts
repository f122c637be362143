import type { Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { dateTime, language, t, type Key } from '../i18n/i18n';
import { clear, h } from './dom';
import { degrees, latLon, metres, none, speed } from './format';
import { sparkline } from './sparkline';

/** The plausibility reason codes the server sends (Vigia.Sensors PlausibilityConcerns), with their texts. */
export const flagTexts: Readonly<Record<string, readonly [label: Key, note: Key]>> = {
  Unauthenticated: ['flag.Unauthenticated', 'flagNote.Unauthenticated'],
  ImpossibleJump: ['flag.ImpossibleJump', 'flagNote.ImpossibleJump'],
  SeveralSenders: ['flag.SeveralSenders', 'flagNote.SeveralSenders'],
  OperatorTooFar: ['flag.OperatorTooFar', 'flagNote.OperatorTooFar'],
  TimestampFarFromReceiveTime: ['flag.TimestampFarFromReceiveTime', 'flagNote.TimestampFarFromReceiveTime'],
  ImpossibleSpeed: ['flag.ImpossibleSpeed', 'flagNote.ImpossibleSpeed'],
  ImpossiblePosition: ['flag.ImpossiblePosition', 'flagNote.ImpossiblePosition'],
  TimestampMissing: ['flag.TimestampMissing', 'flagNote.TimestampMissing'],
  MalformedId: ['flag.MalformedId', 'flagNote.MalformedId'],
};

/** A flag as shown: its label and explanation in the current language; an unknown code is shown as sent. */
export function describeFlag(code: string): { code: string; label: string; note: string } {
  const texts = Object.hasOwn(flagTexts, code) ? flagTexts[code] : undefined;
  return texts ? { code, label: t(texts[0]), note: t(texts[1]) } : { code, label: code, note: t('card.flagsUnknown') };
}

/** One row's value: text, "not available" (the server did not report it), or the flags. */
export type CardValue =
  | { kind: 'text'; text: string }
  | { kind: 'missing' }
  | { kind: 'flags'; flags: Array<{ code: string; label: string; note: string }> };

const text = (s: string): CardValue => ({ kind: 'text', text: s });
const missing: CardValue = { kind: 'missing' };
const optional = (s: string | null | undefined): CardValue => (typeof s === 'string' && s.trim() !== '' ? text(s) : missing);

/** The identity card's rows for a track (pure: what the API said, formatted in the current language). */
export function identityRows(track: Track): Array<[Key, CardValue]> {
  const flags = Array.isArray(track.flags) ? track.flags.filter((f): f is string => typeof f === 'string' && f !== '') : null;
  const sensors = Array.isArray(track.sensors) ? track.sensors.filter((s): s is string => typeof s === 'string' && s !== '') : null;
  return [
    ['card.uasId', track.uas_id ? text(track.uas_id) : text(none())],
    ['card.cooperative', text(track.cooperative ? t('value.yes') : t('value.no'))],
    ['card.status', text(statusText(track.status))],
    ['card.class', text(classText(track))],
    ['card.type', optional(track.ua_type)],
    ['card.operatorId', optional(track.operator_id)],
    ['card.selfId', optional(track.self_id)],
    ['card.flags', flags === null ? missing : flags.length === 0 ? text(t('card.flagsNone')) : { kind: 'flags', flags: flags.map(describeFlag) }],
    ['card.contributors', sensors === null ? missing : sensors.length === 0 ? text(none()) : text(sensors.join(', '))],
    ['card.firstSeen', text(dateTime(track.first_seen))],
    ['card.lastUpdate', text(dateTime(track.last_update ?? track.time))],
    ['card.speed', text(speed(track.speed_mps))],
    ['card.heading', text(degrees(track.heading_deg))],
    ['card.altitude', text(metres(track.position.h))],
    ['card.sigma', text(metres(track.position_std_m, 1))],
    ['card.operator', text(track.operator ? `${latLon(track.operator.lat, track.operator.lon)} · ${metres(track.operator.h)}` : none())],
    ['card.updates', text(typeof track.updates === 'number' ? String(track.updates) : none())],
  ];
}

const classKeys: Readonly<Record<string, Key>> = {
  uav: 'class.uav',
  uav_rotary_wing: 'class.uav_rotary_wing',
  uav_fixed_wing: 'class.uav_fixed_wing',
  manned_aircraft: 'class.manned_aircraft',
  bird: 'class.bird',
  ground_vehicle: 'class.ground_vehicle',
  person: 'class.person',
  other: 'class.other',
};

const sourceNames: Readonly<Record<string, string>> = { adsb: 'ADS-B', remote_id: 'Remote ID', sapient: 'SAPIENT', radar: 'radar' };

/** The track's classification in words: class, then its evidence (source, confidence, the sensor's label and id). */
export function classText(track: Track): string {
  const cls = track.object_class;
  if (typeof cls !== 'string' || cls === '' || cls === 'unknown') return t('class.unknown');
  const name = Object.hasOwn(classKeys, cls) ? t(classKeys[cls]!) : cls;
  const evidence = [
    typeof track.class_source === 'string' ? (sourceNames[track.class_source] ?? track.class_source) : null,
    typeof track.class_confidence === 'number' ? `${Math.round(track.class_confidence * 100)} %` : null,
    typeof track.class_label === 'string' && track.class_label.trim() !== '' ? `«${track.class_label}»` : null,
    typeof track.class_sensor === 'string' && track.class_sensor !== '' ? track.class_sensor : null,
  ].filter((e): e is string => e !== null);
  return evidence.length > 0 ? `${name} (${evidence.join(', ')})` : name;
}

/**
 * The selected track's identity card: UAS ID, type, operator ID, self-ID, plausibility flags with their
 * explanations, contributing sensors, times, kinematics and the last minute's speed and altitude. A field
 * the server did not report for this track is shown as "not available".
 */
export class IdentityCard {
  readonly element: HTMLElement;
  /** What the card shows now: it is rebuilt only when the track (a new document on every update), the selection or the language changed. */
  private shown: { track: Track | null; id: number | null; lang: string; trail: number } | null = null;

  constructor(private readonly onClose: () => void) {
    this.element = h('section', { class: 'identity-card', hidden: true });
  }

  render(track: Track | null, trail: readonly TrailPoint[] | undefined, selectedId: number | null): void {
    const shown = { track, id: selectedId, lang: language(), trail: trail?.length ?? 0 };
    const last = this.shown;
    if (last && last.track === shown.track && last.id === shown.id && last.lang === shown.lang && last.trail === shown.trail) return;
    this.shown = shown;
    clear(this.element);
    if (selectedId === null) {
      this.element.hidden = true;
      return;
    }
    this.element.hidden = false;
    this.element.dataset['id'] = String(selectedId);
    const close = h('button', { type: 'button', class: 'close', i18nTitle: 'card.close', onClick: () => this.onClose() }, '×');
    this.element.append(h('header', {}, h('h2', {}, t('card.title', { id: selectedId })), close));
    if (!track) {
      this.element.append(h('p', { class: 'gone' }, t('card.gone')));
      return;
    }
    const dl = h('dl');
    for (const [key, value] of identityRows(track)) {
      const field = key.slice('card.'.length);
      const dt = h('dt', { 'data-field': field }, t(key));
      if (key === 'card.contributors') dt.title = t('card.contributorsNote');
      dl.append(dt, h('dd', { 'data-field': field }, valueNode(value)));
    }
    this.element.append(dl);
    const points = trail ?? [];
    this.element.append(
      h('figure', {}, h('figcaption', {}, t('card.speedHistory')), sparkline(points.map((p) => p.speed), t('card.speedHistory'))),
      h('figure', {}, h('figcaption', {}, t('card.altitudeHistory')), sparkline(points.map((p) => p.h), t('card.altitudeHistory'))),
    );
  }
}

function valueNode(value: CardValue): Node | string {
  switch (value.kind) {
    case 'text':
      return value.text;
    case 'missing':
      return h('span', { class: 'unavailable', title: t('value.unavailableNote') }, t('value.unavailable'));
    case 'flags': {
      const list = h('ul', { class: 'flags' });
      for (const f of value.flags) {
        list.append(h('li', { class: 'flag', 'data-code': f.code, title: f.note }, h('strong', {}, f.label), h('span', { class: 'note' }, f.note)));
      }
      return list;
    }
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
