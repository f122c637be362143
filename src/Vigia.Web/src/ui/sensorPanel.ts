import type { Sensor } from '../api/types';
import { num, t, type Key } from '../i18n/i18n';
import { clear, h } from './dom';
import { metres, none, seconds } from './format';

const states = new Set(['up', 'degraded', 'down', 'revoked']);

/** Sensor health: state colour, last message age, rate and the ingest counters. */
export class SensorPanel {
  readonly element = h('section', { class: 'sensor-panel' });

  render(sensors: readonly Sensor[]): void {
    clear(this.element);
    if (sensors.length === 0) {
      this.element.append(h('p', { class: 'empty' }, t('sensors.none')));
      return;
    }
    this.element.append(h('p', { class: 'summary' }, t('sensors.count', { n: sensors.length })));
    const list = h('ul', { class: 'sensors' });
    for (const s of sensors) {
      const state = states.has(s.state) ? s.state : 'down';
      const count = (key: Key, v: number | undefined) => [h('dt', {}, t(key)), h('dd', {}, typeof v === 'number' ? num(v) : none())];
      const age = s.last_message_age_s;
      list.append(h('li', { class: `sensor state-${state}`, 'data-id': s.id },
        h('header', {}, h('span', { class: 'state-dot' }), h('strong', {}, s.id), h('span', { class: 'kind' }, s.kind), h('span', { class: 'state' }, t(`sensor.state.${state}` as Key))),
        h('dl', {},
          h('dt', {}, t('sensor.lastMessage')), h('dd', {}, typeof age === 'number' ? seconds(age, 1) : t('sensor.never')),
          h('dt', {}, t('sensor.rate')), h('dd', {}, typeof s.rate === 'number' ? t('unit.perS', { v: num(s.rate, 1) }) : none()),
          ...count('sensor.accepted', s.accepted),
          ...count('sensor.duplicates', s.duplicates),
          ...count('sensor.refused', s.refused),
          ...count('sensor.late', s.late),
          ...count('sensor.reordered', s.reordered),
          ...count('sensor.dropped', s.dropped),
          h('dt', {}, t('sensor.clock')), h('dd', {}, seconds(s.clock_offset_s, 2)),
          ...(typeof s.range_m === 'number' ? [h('dt', {}, t('sensor.range')), h('dd', {}, metres(s.range_m))] : []))));
    }
    this.element.append(list);
  }
}
