import type { Track } from '../api/types';
import { language, t } from '../i18n/i18n';
import { h } from './dom';
import { metres, seconds, speed } from './format';
import { visibleWindow } from './virtualWindow';
import { symbolKindOf } from '../map/trackBuffers';

/** A row's class (its dot) by the track's map symbol: unknown, cooperative, manned. */
const rowClass = ['unknown', 'coop', 'manned'] as const;

export type SortKey = 'id' | 'speed' | 'altitude' | 'age';
export type Cooperation = 'all' | 'cooperative' | 'unknown';

export interface ListQuery {
  sort: SortKey;
  descending: boolean;
  cooperation: Cooperation;
  text: string;
}

/** Age of a track's last update at data time `now` (s). */
export function ageOf(track: Track, now: number): number {
  const last = Date.parse(track.last_update ?? track.time);
  return Number.isFinite(last) && Number.isFinite(now) ? Math.max(0, (now - last) / 1000) : Number.NaN;
}

/** Filters and sorts the tracks as the list shows them. */
export function queryTracks(tracks: Iterable<Track>, q: ListQuery, now: number): Track[] {
  const text = q.text.trim().toLowerCase();
  const rows = [...tracks].filter((tr) => {
    if (q.cooperation === 'cooperative' && tr.cooperative !== true) return false;
    if (q.cooperation === 'unknown' && tr.cooperative === true) return false;
    if (text && !String(tr.id).includes(text) && !(tr.uas_id ?? '').toLowerCase().includes(text) && !(tr.operator_id ?? '').toLowerCase().includes(text)) return false;
    return true;
  });
  const value = (tr: Track): number => {
    switch (q.sort) {
      case 'id':
        return tr.id;
      case 'speed':
        return tr.speed_mps ?? Number.NEGATIVE_INFINITY;
      case 'altitude':
        return Number.isFinite(tr.position.h) ? tr.position.h : Number.NEGATIVE_INFINITY;
      case 'age':
        return ageOf(tr, now);
    }
  };
  // Each key computed once (not per comparison: the age parses a date).
  const keyed = rows.map((tr) => ({ tr, v: value(tr) }));
  const sign = q.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const d = Number.isNaN(a.v) || Number.isNaN(b.v) ? 0 : a.v - b.v;
    return d !== 0 ? sign * d : a.tr.id - b.tr.id;
  });
  for (let i = 0; i < keyed.length; i++) rows[i] = keyed[i]!.tr;
  return rows;
}

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
  private rows: Track[] = [];
  private queryVersion = 0;
  private sortedFor = '';
  private now = Number.NaN;
  private selected: number | null = null;
  private scrollTop = 0;
  private viewport = 0;
  private scrollFrame: number | null = null;

  constructor(private readonly onSelect: (id: number) => void, private readonly onQuery: () => void) {
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
    return this.rows.map((r) => r.id);
  }

  private rowId(target: EventTarget | null): number | null {
    const row = (target as Element | null)?.closest?.('tr[data-id]');
    const id = row ? Number((row as HTMLElement).dataset['id']) : Number.NaN;
    return Number.isFinite(id) ? id : null;
  }

  private set(change: Partial<ListQuery>): void {
    this.query = { ...this.query, ...change };
    this.queryVersion++;
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
   * Shows the picture: re-filters and re-sorts when `version` (the store's identity and version; always
   * when not given) or the query changed since the last render, then draws the rows in view. `now` is the data time the ages are counted at.
   */
  render(tracks: Iterable<Track>, total: number, now: number, selected: number | null, version?: string): void {
    const key = `${version}/${this.queryVersion}`;
    if (key !== this.sortedFor || version === undefined) {
      this.rows = queryTracks(tracks, this.query, now);
      this.sortedFor = key;
    }
    this.now = now;
    this.selected = selected;
    for (const [k, th] of this.headers) th.setAttribute('aria-sort', k === this.query.sort ? (this.query.descending ? 'descending' : 'ascending') : 'none');
    const summary = this.rows.length < total ? `${t('tracks.count', { n: total })} · ${t('tracks.shown', { shown: this.rows.length, n: total })}` : t('tracks.count', { n: total });
    if (this.summary.textContent !== summary) this.summary.textContent = summary;
    this.draw();
  }

  /** Draws the rows in view from the last render's list (also on scroll and resize). */
  private draw(): void {
    const rows = this.rows;
    if (rows.length === 0) {
      for (const v of this.views.splice(0)) v.el.remove();
      if (!this.emptyRow.isConnected) this.body.insertBefore(this.emptyRow, this.padBottom);
      this.padTop.style.height = this.padBottom.style.height = '0px';
      return;
    }
    if (this.emptyRow.isConnected) this.emptyRow.remove();
    const w = visibleWindow(this.scrollTop, this.viewport, rowHeight, rows.length);
    const count = w.end - w.start;
    while (this.views.length < count) {
      const v = this.newRow();
      this.views.push(v);
      this.body.insertBefore(v.el, this.padBottom);
    }
    for (const v of this.views.splice(count)) v.el.remove();
    this.padTop.style.height = `${w.padTop}px`;
    this.padBottom.style.height = `${w.padBottom}px`;
    for (let i = 0; i < count; i++) this.fill(this.views[i]!, rows[w.start + i]!);
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

  private fill(v: RowView, tr: Track): void {
    if (v.id !== tr.id) {
      v.id = tr.id;
      v.el.dataset['id'] = String(tr.id);
      setText(v.id_, String(tr.id));
    }
    const className = `${rowClass[symbolKindOf(tr)]}${tr.id === this.selected ? ' selected' : ''}`;
    if (v.className !== className) {
      v.className = className;
      v.el.className = className;
    }
    // Text is formatted only when its value (or the language) changed since this row last showed it.
    const age = Math.round(ageOf(tr, this.now));
    const lang = language();
    const old = v.values;
    const same = old[4] === lang;
    const ident = tr.uas_id ?? (tr.cooperative ? t('tracks.cooperative') : t('tracks.unknown'));
    if (!same || old[0] !== ident) setText(v.ident, ident);
    if (!same || !Object.is(old[1], tr.speed_mps)) setText(v.speed, speed(tr.speed_mps));
    if (!same || !Object.is(old[2], tr.position.h)) setText(v.altitude, metres(tr.position.h));
    if (!same || !Object.is(old[3], age)) setText(v.age, seconds(age));
    v.values = [ident, tr.speed_mps, tr.position.h, age, lang];
    const flagged = Array.isArray(tr.flags) && tr.flags.length > 0;
    if (v.flag.hidden === flagged) v.flag.hidden = !flagged;
    const title = flagged ? `${t('card.flags')}: ${tr.flags!.join(', ')}` : '';
    if (v.flagTitle !== title) {
      v.flagTitle = title;
      v.flag.title = title;
    }
  }
}
