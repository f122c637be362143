import type { Track } from '../api/types';
import { t } from '../i18n/i18n';
import { clear, h } from './dom';
import { metres, seconds, speed } from './format';

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
  const sign = q.descending ? -1 : 1;
  rows.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const d = Number.isNaN(va) || Number.isNaN(vb) ? 0 : va - vb;
    return d !== 0 ? sign * d : a.id - b.id;
  });
  return rows;
}

const maxRows = 300;

/** The track list: sortable columns, a cooperative/unknown filter and a text filter; a click selects. */
export class TrackList {
  readonly element: HTMLElement;
  query: ListQuery = { sort: 'id', descending: false, cooperation: 'all', text: '' };
  private readonly body: HTMLTableSectionElement;
  private readonly summary: HTMLElement;
  private readonly headers = new Map<SortKey, HTMLElement>();
  /** Rows shown at the last render (read by the end-to-end test). */
  shownIds: number[] = [];

  constructor(private readonly onSelect: (id: number) => void, private readonly onQuery: () => void) {
    const filter = h('select', { class: 'cooperation', onChange: (e) => this.set({ cooperation: (e.target as HTMLSelectElement).value as Cooperation }) },
      h('option', { value: 'all', i18n: 'tracks.all' }),
      h('option', { value: 'cooperative', i18n: 'tracks.cooperative' }),
      h('option', { value: 'unknown', i18n: 'tracks.unknown' }));
    const search = h('input', { type: 'search', class: 'search', i18nPlaceholder: 'tracks.filter', i18nTitle: 'tracks.filter', onInput: (e) => this.set({ text: (e.target as HTMLInputElement).value }) });
    const head = h('tr');
    const column = (key: SortKey | null, label: Parameters<typeof t>[0], cls = '') => {
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
    column('id', 'col.id');
    column(null, 'col.identity');
    column('speed', 'col.speed', 'num');
    column('altitude', 'col.altitude', 'num');
    column('age', 'col.age', 'num');
    this.body = h('tbody');
    this.summary = h('p', { class: 'summary' });
    this.element = h('section', { class: 'track-list' },
      h('div', { class: 'filters' }, filter, search),
      this.summary,
      h('div', { class: 'table-scroll' }, h('table', {}, h('thead', {}, head), this.body)));
  }

  private set(change: Partial<ListQuery>): void {
    this.query = { ...this.query, ...change };
    this.onQuery();
  }

  render(tracks: Iterable<Track>, total: number, now: number, selected: number | null): void {
    const rows = queryTracks(tracks, this.query, now);
    for (const [key, th] of this.headers) th.setAttribute('aria-sort', key === this.query.sort ? (this.query.descending ? 'descending' : 'ascending') : 'none');
    this.summary.textContent = rows.length > maxRows
      ? `${t('tracks.count', { n: total })} · ${t('tracks.shown', { shown: maxRows, n: rows.length })}`
      : t('tracks.count', { n: total });
    clear(this.body);
    const shown = rows.slice(0, maxRows);
    this.shownIds = shown.map((r) => r.id);
    if (shown.length === 0) {
      this.body.append(h('tr', {}, h('td', { colspan: 5, class: 'empty' }, t('tracks.none'))));
      return;
    }
    for (const tr of shown) {
      const row = h('tr', { class: `${tr.cooperative ? 'coop' : 'unknown'}${tr.id === selected ? ' selected' : ''}`, tabindex: 0, 'data-id': tr.id, onClick: () => this.onSelect(tr.id), onKeydown: (e) => { if ((e as KeyboardEvent).key === 'Enter') this.onSelect(tr.id); } },
        h('td', {}, h('span', { class: 'dot' }), String(tr.id)),
        h('td', { class: 'ident' }, tr.uas_id ?? (tr.cooperative ? t('tracks.cooperative') : t('tracks.unknown')),
          Array.isArray(tr.flags) && tr.flags.length > 0 ? h('span', { class: 'flagged', title: `${t('card.flags')}: ${tr.flags.join(', ')}` }, '⚠') : null),
        h('td', { class: 'num' }, speed(tr.speed_mps)),
        h('td', { class: 'num' }, metres(tr.position.h)),
        h('td', { class: 'num' }, seconds(ageOf(tr, now))));
      this.body.append(row);
    }
  }
}
