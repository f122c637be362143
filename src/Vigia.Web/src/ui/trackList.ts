import type { ListRow, ListSlice } from '../worker/protocol';
import { language, t } from '../i18n/i18n';
import { h } from './dom';
import { metres, seconds, speed } from './format';
import { visibleWindow } from './virtualWindow';

/** A row's class (its dot) by the track's map symbol: unknown, cooperative, manned. */
const rowClass = ['unknown', 'coop', 'manned'] as const;

import type { Cooperation, ListQuery, SortKey } from '../state/trackQuery';
export { ageOf, queryTracks, type Cooperation, type ListQuery, type SortKey } from '../state/trackQuery';

/** Height of one list row (px); styles.css gives the rows exactly this height. */
export const rowHeight = 28;

/** One drawn row, reused for whatever track scrolls into its place; cells change only when their text does. */
interface RowView {
  el: HTMLTableRowElement;
  id: number;
  className: string;
  id_: Text;
  ident: Text;
  flag: HTMLSpanElement;
  flagTitle: string;
  speed: Text;
  altitude: Text;
  age: Text;
  /** The values last formatted into the cells, and the language they were formatted in. */
  values: [ident: string | null | undefined, speed: number | undefined, altitude: number, age: number, lang: string];
}

const setText = (node: Text, text: string) => {
  if (node.data !== text) node.data = text;
};

/**
 * The track list: sortable columns, a cooperative/unknown filter and a text filter; a click selects. It
 * is virtual: every track is in the list (scroll to reach it), but only the rows in view (plus a few) exist
 * in the DOM, reused as the list scrolls or changes, with their text updated in place. The list is
 * re-sorted only when the picture or the query changed; otherwise a render refreshes the drawn rows (ages).
 */
export class TrackList {
  readonly element: HTMLElement;
  query: ListQuery = { sort: 'id', descending: false, cooperation: 'all', text: '' };
  private readonly body: HTMLTableSectionElement;
  private readonly scroller: HTMLElement;
  private readonly padTop: HTMLTableRowElement;
  private readonly padBottom: HTMLTableRowElement;
  private readonly emptyRow: HTMLTableRowElement;
  private readonly summary: HTMLElement;
  private readonly headers = new Map<SortKey, HTMLElement>();
  private readonly views: RowView[] = [];
  /** The filtered, sorted ids and the rows around the view, as the picture worker last sent them. */
  private list: ListSlice = { order: new Float64Array(0), start: 0, rows: [] };
  /** The rows in view as last asked of the worker. */
  window = { start: 0, end: 0 };
  private now = Number.NaN;
  private selected: number | null = null;
  private scrollTop = 0;
  private viewport = 0;
  private scrollFrame: number | null = null;

  constructor(private readonly onSelect: (id: number) => void, private readonly onQuery: () => void, private readonly onWindow: () => void = () => undefined) {
    const filter = h('select', { class: 'cooperation', onChange: (e) => this.set({ cooperation: (e.target as HTMLSelectElement).value as Cooperation }) },
      h('option', { value: 'all', i18n: 'tracks.all' }),
      h('option', { value: 'cooperative', i18n: 'tracks.cooperative' }),
      h('option', { value: 'unknown', i18n: 'tracks.unknown' }));
    const search = h('input', { type: 'search', class: 'search', i18nPlaceholder: 'tracks.filter', i18nTitle: 'tracks.filter', onInput: (e) => this.set({ text: (e.target as HTMLInputElement).value }) });
    const head = h('tr');
    const column = (key: SortKey | null, label: Parameters<typeof t>[0], cls: string) => {
      const th = h('th', { class: cls, scope: 'col' });
      if (key) {
        const button = h('button', { type: 'button', class: 'sort', i18n: label, onClick: () => this.set(this.query.sort === key ? { descending: !this.query.descending } : { sort: key, descending: key !== 'id' }) });
        th.append(button);
        this.headers.set(key, th);
      } else {
        th.append(h('span', { i18n: label }));
      }
      head.append(th);
    };
    column('id', 'col.id', 'c-id');
    column(null, 'col.identity', 'c-ident');
    column('speed', 'col.speed', 'num c-speed');
    column('altitude', 'col.altitude', 'num c-alt');
    column('age', 'col.age', 'num c-age');
    this.padTop = h('tr', { class: 'pad', 'aria-hidden': 'true' });
    this.padBottom = h('tr', { class: 'pad', 'aria-hidden': 'true' });
    this.emptyRow = h('tr', {}, h('td', { colspan: 5, class: 'empty', i18n: 'tracks.none' }));
    this.body = h('tbody', {
      onClick: (e) => {
        const id = this.rowId(e.target);
        if (id !== null) this.onSelect(id);
      },
      onKeydown: (e) => {
        const id = this.rowId(e.target);
        if (id !== null && (e as KeyboardEvent).key === 'Enter') this.onSelect(id);
      },
    }, this.padTop, this.padBottom);
    this.summary = h('p', { class: 'summary' });
    this.scroller = h('div', { class: 'table-scroll', onScroll: () => this.onScroll() }, h('table', {}, h('thead', {}, head), this.body));
    this.element = h('section', { class: 'track-list' }, h('div', { class: 'filters' }, filter, search), this.summary, this.scroller);
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(() => {
        this.viewport = this.scroller.clientHeight;
        this.draw();
      }).observe(this.scroller);
    }
  }

  /** Ids of every track in the list, in list order (drawn or not; read by the end-to-end test). */
  get shownIds(): number[] {
    return Array.from(this.list.order);
  }

  private rowId(target: EventTarget | null): number | null {
    const row = (target as Element | null)?.closest?.('tr[data-id]');
    const id = row ? Number((row as HTMLElement).dataset['id']) : Number.NaN;
    return Number.isFinite(id) ? id : null;
  }

  private set(change: Partial<ListQuery>): void {
    this.query = { ...this.query, ...change };
    this.onQuery();
  }

  private onScroll(): void {
    this.scrollTop = this.scroller.scrollTop;
    if (this.scrollFrame !== null) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = null;
      this.draw();
    });
  }

  /**
   * Shows the picture: `list` is the worker's filtered, sorted list (all ids, the rows around the view);
   * `now` is the data time the ages are counted at. Only the rows in view are drawn.
   */
  render(list: ListSlice, total: number, now: number, selected: number | null): void {
    this.list = list;
    this.now = now;
    this.selected = selected;
    for (const [k, th] of this.headers) th.setAttribute('aria-sort', k === this.query.sort ? (this.query.descending ? 'descending' : 'ascending') : 'none');
    const shown = list.order.length;
    const summary = shown < total ? `${t('tracks.count', { n: total })} · ${t('tracks.shown', { shown, n: total })}` : t('tracks.count', { n: total });
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    this.draw();
  }

  /** Draws the rows in view from the last list (also on scroll and resize); asks for other rows when the view moved. */
  private draw(): void {
    const { order, rows, start } = this.list;
    const w = visibleWindow(this.scrollTop, this.viewport, rowHeight, order.length);
    if (w.start !== this.window.start || w.end !== this.window.end) {
      this.window = { start: w.start, end: w.end };
      this.onWindow();
    }
    if (order.length === 0) {
      for (const v of this.views.splice(0)) v.el.remove();
      if (!this.emptyRow.isConnected) this.body.insertBefore(this.emptyRow, this.padBottom);
      this.padTop.style.height = this.padBottom.style.height = '0px';
      return;
    }
    if (this.emptyRow.isConnected) this.emptyRow.remove();
    const count = w.end - w.start;
    while (this.views.length < count) {
      const v = this.newRow();
      this.views.push(v);
      this.body.insertBefore(v.el, this.padBottom);
    }
    for (const v of this.views.splice(count)) v.el.remove();
    this.padTop.style.height = `${w.padTop}px`;
    this.padBottom.style.height = `${w.padBottom}px`;
    for (let i = 0; i < count; i++) {
      const row = rows[w.start + i - start];
      // A row the worker has not sent yet (a fast scroll): its id now, its values with the next answer.
      this.fill(this.views[i]!, row && row.id === order[w.start + i] ? row : placeholder(order[w.start + i]!));
    }
  }

  private newRow(): RowView {
    const cell = (cls: string) => h('td', cls ? { class: cls } : {});
    const idCell = cell('');
    const identCell = cell('ident');
    const speedCell = cell('num');
    const altCell = cell('num');
    const ageCell = cell('num');
    const v: RowView = {
      el: h('tr', { tabindex: 0 }, idCell, identCell, speedCell, altCell, ageCell),
      id: Number.NaN,
      className: '',
      id_: document.createTextNode(''),
      ident: document.createTextNode(''),
      flag: h('span', { class: 'flagged', hidden: true }, '⚠'),
      flagTitle: '',
      speed: document.createTextNode(''),
      altitude: document.createTextNode(''),
      age: document.createTextNode(''),
      values: [undefined, Number.NaN, Number.NaN, Number.NaN, ''],
    };
    idCell.append(h('span', { class: 'dot' }), v.id_);
    identCell.append(v.ident, v.flag);
    speedCell.append(v.speed);
    altCell.append(v.altitude);
    ageCell.append(v.age);
    return v;
  }

  private fill(v: RowView, tr: ListRow): void {
    if (v.id !== tr.id) {
      v.id = tr.id;
      v.el.dataset['id'] = String(tr.id);
      setText(v.id_, String(tr.id));
    }
    const className = `${rowClass[tr.kind] ?? 'unknown'}${tr.id === this.selected ? ' selected' : ''}`;
    if (v.className !== className) {
      v.className = className;
      v.el.className = className;
    }
    // Text is formatted only when its value (or the language) changed since this row last showed it.
    const age = Math.round(Number.isFinite(tr.last) && Number.isFinite(this.now) ? Math.max(0, (this.now - tr.last) / 1000) : Number.NaN);
    const lang = language();
    const old = v.values;
    const same = old[4] === lang;
    const ident = tr.uasId ?? (tr.cooperative ? t('tracks.cooperative') : t('tracks.unknown'));
    if (!same || old[0] !== ident) setText(v.ident, ident);
    if (!same || !Object.is(old[1], tr.speed)) setText(v.speed, speed(tr.speed));
    if (!same || !Object.is(old[2], tr.h)) setText(v.altitude, metres(tr.h));
    if (!same || !Object.is(old[3], age)) setText(v.age, seconds(age));
    v.values = [ident, tr.speed, tr.h, age, lang];
    const flagged = tr.flags !== null && tr.flags.length > 0;
    if (v.flag.hidden === flagged) v.flag.hidden = !flagged;
    const title = flagged ? `${t('card.flags')}: ${tr.flags!.join(', ')}` : '';
    if (v.flagTitle !== title) {
      v.flagTitle = title;
      v.flag.title = title;
    }
  }
}

/** A row known only by its id (its values are on their way from the worker). */
function placeholder(id: number): ListRow {
  return { id, kind: 0, uasId: '', cooperative: false, speed: Number.NaN, h: Number.NaN, last: Number.NaN, flags: null };
}
