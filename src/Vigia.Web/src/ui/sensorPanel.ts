import type { Sensor } from '../api/types';
import { t } from '../i18n/i18n';
import { clear, h } from './dom';
import { planRedraw, sensorView, viewKey, type Cell, type InputView, type SensorView } from './sensorView';

const value = (c: Cell, tag: 'dd' | 'td' = 'dd') => h(tag, { title: c.title, class: c.warn ? 'warn' : undefined }, c.text);

/**
 * Sensor health: state colour, last message age, rate and the ingest counters, and per sensor the details of
 * its input (a radar's SAC/SICs, a SAPIENT node, an ADS-B receiver) folded under a line that opens. A row is
 * rebuilt only when what it shows changed; which details are open survives the rebuilds.
 */
export class SensorPanel {
  readonly element = h('section', { class: 'sensor-panel' });
  private drawn: Array<[id: string, key: string]> = [];
  private rows = new Map<string, HTMLLIElement>();
  private list: HTMLUListElement | null = null;
  private summary: HTMLParagraphElement | null = null;
  /** `{sensor id}/{input kind}` of the details the operator opened. */
  private readonly open = new Set<string>();

  /** Draws what changed since the last call; returns the number of rows rebuilt (the list's, when it changed). */
  render(sensors: readonly Sensor[]): number {
    if (sensors.length === 0) {
      const empty = t('sensors.none');
      if (this.list === null && this.element.firstChild && this.element.textContent === empty) return 0;
      clear(this.element);
      this.drawn = [];
      this.rows.clear();
      this.list = this.summary = null;
      this.element.append(h('p', { class: 'empty' }, empty));
      return 1;
    }
    const views = sensors.map(sensorView);
    const next = views.map((v) => [v.id, viewKey(v)] as [string, string]);
    const summary = t('sensors.count', { n: sensors.length });
    const plan = this.list && this.summary ? planRedraw(this.drawn, next) : { list: true, rows: next.map(([id]) => id) };
    this.drawn = next;
    if (plan.list || !this.list || !this.summary) {
      clear(this.element);
      this.rows.clear();
      this.summary = h('p', { class: 'summary' }, summary);
      this.list = h('ul', { class: 'sensors' });
      for (const v of views) this.list.append(this.row(v));
      this.element.append(this.summary, this.list);
      return views.length;
    }
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    const changed = new Set(plan.rows);
    for (const v of views) {
      if (!changed.has(v.id)) continue;
      const old = this.rows.get(v.id);
      const fresh = this.row(v);
      if (old) old.replaceWith(fresh);
      else this.list.append(fresh);
    }
    return changed.size;
  }

  private row(v: SensorView): HTMLLIElement {
    const li = h('li', { class: `sensor state-${v.state}`, 'data-id': v.id },
      h('header', {}, h('span', { class: 'state-dot' }), h('strong', {}, v.id), h('span', { class: 'kind' }, v.kind), h('span', { class: 'state' }, v.stateText)),
      h('dl', {}, ...v.rows.flatMap(([label, text]) => [h('dt', {}, label), h('dd', {}, text)])),
      ...v.inputs.map((input) => this.details(v.id, input)));
    this.rows.set(v.id, li);
    return li;
  }

  private details(id: string, input: InputView): HTMLDetailsElement {
    const key = `${id}/${input.kind}`;
    const details = h('details', { class: `inputs inputs-${input.kind}`, 'data-input': input.kind, open: this.open.has(key) },
      h('summary', { title: t('sensor.inputs.title') }, input.summary));
    details.addEventListener('toggle', () => {
      if (details.open) this.open.add(key);
      else this.open.delete(key);
    });
    if (input.kind === 'asterix') {
      const table = h('table', {},
        h('thead', {}, h('tr', {},
          h('th', {}, t('sensor.asterix.source')), h('th', {}, t('sensor.asterix.reports')), h('th', {}, t('sensor.asterix.duplicates')),
          h('th', {}, t('sensor.asterix.rejected')), h('th', {}, t('sensor.asterix.lastRecord')))));
      const body = h('tbody', {});
      for (const line of input.lines) {
        body.append(h('tr', { class: 'source' },
          value(line.source, 'td'), value(line.reports, 'td'), value(line.duplicates, 'td'), value(line.rejected, 'td'), value(line.lastRecord, 'td')));
        if (line.reasons) body.append(h('tr', { class: 'reasons' }, h('td', { colspan: 5 }, line.reasons)));
      }
      table.append(body);
      details.append(table);
    } else if (input.rows.length > 0) {
      details.append(h('dl', {}, ...input.rows.flatMap(([label, c]) => [h('dt', {}, label), value(c)])));
    }
    return details;
  }
}
