import type { Picture, TracksEvent } from '../api/types';
import { TrackBuffers, symbolKindOf } from '../map/trackBuffers';
import { TrackStore } from '../state/store';
import { queryTracks } from '../state/trackQuery';
import type { Frame, ListRow, PackedArrays, Source, View } from './protocol';

/** List rows sent either side of the rows in view, so that a short scroll needs no new answer. */
export const listOverscan = 60;
/** The once-a-second tick ages a store only when its stream has been quiet this long (ms). */
export const ageQuietMs = 1500;

export const defaultView = (): View => ({ query: { sort: 'id', descending: false, cooperation: 'all', text: '' }, start: 0, end: 40, selected: null, trailToleranceM: 0 });

/**
 * The picture worker's state, without the worker: the live store and a replay's, the ageing, the packing
 * into double-buffered typed arrays, and the frame that tells the main thread what changed. Pure (no
 * EventSource, no postMessage): the worker wires it up, the tests drive it directly.
 */
export class PictureCore {
  readonly live = new TrackStore();
  replay: TrackStore | null = null;
  view: View = defaultView();
  private readonly buffers = new TrackBuffers();
  /** Arrays handed back by the main thread, ready to be packed into again. */
  private readonly spare: PackedArrays[] = [];
  private packedFor = '';
  private listFor = '';
  private selectedFor = '';
  /** Arrays allocated (the test checks that handed-back arrays are re-used). */
  allocated = 0;

  constructor(private readonly send: (frame: Frame, transfer: ArrayBuffer[]) => void) {}

  active(): TrackStore {
    return this.replay ?? this.live;
  }

  private store(source: Source): TrackStore | null {
    return source === 'live' ? this.live : this.replay;
  }

  snapshot(source: Source, picture: Picture, now: number): void {
    const store = this.store(source);
    if (!store) return;
    store.applySnapshot(picture, now);
    this.emit();
  }

  tracks(source: Source, event: TracksEvent, now: number): void {
    const store = this.store(source);
    if (!store) return;
    store.applyTracks(event, now);
    // Trails age with the update (one picture per update, not a second one from the tick).
    store.age(now);
    if (store === this.active()) this.emit();
  }

  /** The tick: a store whose stream has been quiet ages on the clock alone. */
  tick(now: number): void {
    let changed = false;
    for (const store of [this.live, this.replay]) {
      if (store && !(now - store.receivedAt < ageQuietMs) && store.age(now) && store === this.active()) changed = true;
    }
    if (changed) this.emit();
  }

  startReplay(): void {
    const store = new TrackStore();
    store.mode = 'replay';
    this.replay = store;
    this.view = { ...this.view, selected: null };
    this.emit();
  }

  seekReplay(target: number, now: number): void {
    this.replay?.seek(target, now);
    this.emit();
  }

  leaveReplay(): void {
    this.replay = null;
    this.view = { ...this.view, selected: null };
    this.emit();
  }

  clear(): void {
    this.live.clear();
    this.replay = null;
    this.view = defaultView();
    this.packedFor = this.listFor = this.selectedFor = '';
  }

  setView(view: View): void {
    this.view = view;
    this.emit();
  }

  /** Arrays the main thread no longer draws from: packed into next. */
  giveBack(arrays: PackedArrays): void {
    if (this.spare.length < 2) this.spare.push(arrays);
  }

  /** Sends what changed since the last frame: the packing, the list, the selection (nothing if none did). */
  emit(): void {
    const store = this.active();
    const v = this.view;
    const storeKey = `${store.serial}/${store.version}`;
    const packKey = `${storeKey}/${v.trailToleranceM}`;
    const listKey = `${storeKey}/${v.query.sort}/${v.query.descending}/${v.query.cooperation}/${v.query.text}/${v.start}/${v.end}`;
    const selectedKey = `${storeKey}/${v.selected}`;
    if (packKey === this.packedFor && listKey === this.listFor && selectedKey === this.selectedFor) return;
    const frame: Frame = {
      type: 'frame',
      source: store === this.live ? 'live' : 'replay',
      serial: store.serial,
      version: store.version,
      mode: store.mode,
      time: store.time,
      receivedAt: store.receivedAt,
      total: store.tracks.size,
    };
    const transfer: ArrayBuffer[] = [];
    if (packKey !== this.packedFor) {
      frame.packed = this.pack(store, transfer);
      this.packedFor = packKey;
    }
    if (listKey !== this.listFor) {
      const rows = queryTracks(store.tracks.values(), v.query, store.dataNow(Date.now()));
      const order = new Float64Array(rows.length);
      for (let i = 0; i < rows.length; i++) order[i] = rows[i]!.id;
      const start = Math.max(0, Math.min(v.start, rows.length) - listOverscan);
      const end = Math.min(rows.length, Math.max(v.end, start) + listOverscan);
      const slice: ListRow[] = [];
      for (let i = start; i < end; i++) {
        const t = rows[i]!;
        slice.push({
          id: t.id,
          kind: symbolKindOf(t),
          uasId: t.uas_id ?? null,
          cooperative: t.cooperative === true,
          speed: t.speed_mps ?? undefined,
          h: t.position.h,
          last: Date.parse(t.last_update ?? t.time),
          flags: Array.isArray(t.flags) && t.flags.length > 0 ? t.flags : null,
        });
      }
      frame.list = { order, start, rows: slice };
      transfer.push(order.buffer);
      this.listFor = listKey;
    }
    if (selectedKey !== this.selectedFor) {
      const id = v.selected;
      frame.selected = { id, track: id === null ? null : store.tracks.get(id) ?? null, trail: id === null ? null : store.trails.get(id) ?? null };
      this.selectedFor = selectedKey;
    }
    this.send(frame, transfer);
  }

  /** Packs `store` into spare arrays (or new ones) and gives them away: the worker keeps no reference. */
  private pack(store: TrackStore, transfer: ArrayBuffer[]): Frame['packed'] {
    const b = this.buffers;
    const spare = this.spare.shift();
    if (spare) {
      b.points = spare.points;
      b.pilots = spare.pilots;
      b.lines = spare.lines;
      b.lon = spare.lon;
      b.lat = spare.lat;
      b.h = spare.h;
    } else {
      this.allocated++;
      b.points = new Float32Array(Math.max(256, b.count) * 4);
      b.pilots = new Float32Array(64 * 2);
      b.lines = new Float32Array(Math.max(1024, b.lineVertices) * 4);
      b.lon = new Float64Array(Math.max(256, b.count));
      b.lat = new Float64Array(b.lon.length);
      b.h = new Float64Array(b.lon.length);
    }
    b.pack(store.tracks.values(), store.trails, { trailToleranceM: this.view.trailToleranceM });
    let ids = spare?.ids;
    if (!ids || ids.length < b.count) ids = new Float64Array(Math.max(256, b.lon.length));
    const list = b.ids as number[];
    for (let i = 0; i < b.count; i++) ids[i] = list[i]!;
    const arrays: PackedArrays = { points: b.points, pilots: b.pilots, lines: b.lines, ids, lon: b.lon, lat: b.lat, h: b.h };
    transfer.push(...new Set([arrays.points.buffer, arrays.pilots.buffer, arrays.lines.buffer, ids.buffer, arrays.lon.buffer, arrays.lat.buffer, arrays.h.buffer]));
    const r = b.ranges;
    return {
      arrays,
      count: b.count,
      pilotCount: b.pilotCount,
      lineVertices: b.lineVertices,
      ranges: { trails: { ...r.trails }, vectors: { ...r.vectors }, pilotLines: { ...r.pilotLines } },
      originX: b.originX,
      originY: b.originY,
    };
  }
}
