import type { Mode, Picture, Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import type { ListQuery } from '../state/trackQuery';
import type { ConnectionStatus } from '../stream/stream';
import type { LineRanges } from '../map/trackBuffers';

// The messages between the console (main thread) and the picture worker (picture.worker.ts), which owns the
// stream connections, the track stores, the ageing and the packing of the WebGL layer's arrays. Only what
// the main thread shows crosses: the packed arrays (transferred, not copied, and handed back to be
// re-used), the list rows in view, the selected track, counts and the small events (sensors, alerts).

/** Which picture a message is about: the live one or the replay's. */
export type Source = 'live' | 'replay';

/** The typed arrays of one packing; they travel as Transferables and come back with `arrays`. */
export interface PackedArrays {
  points: Float32Array<ArrayBuffer>;
  pilots: Float32Array<ArrayBuffer>;
  lines: Float32Array<ArrayBuffer>;
  /** Track ids by slot. */
  ids: Float64Array<ArrayBuffer>;
  lon: Float64Array<ArrayBuffer>;
  lat: Float64Array<ArrayBuffer>;
  h: Float64Array<ArrayBuffer>;
}

export interface Packed {
  arrays: PackedArrays;
  count: number;
  pilotCount: number;
  lineVertices: number;
  ranges: LineRanges;
  originX: number;
  originY: number;
}

/** One list row: what the track list shows of a track. */
export interface ListRow {
  id: number;
  /** SymbolKind. */
  kind: number;
  uasId: string | null;
  cooperative: boolean;
  speed: number | undefined;
  h: number;
  /** Last update (data time, ms; NaN when unknown): the main thread counts the age from it. */
  last: number;
  flags: string[] | null;
}

export interface ListSlice {
  /** Ids of every track the filter keeps, in list order. */
  order: Float64Array<ArrayBuffer>;
  /** Index of rows[0] in `order`. */
  start: number;
  rows: ListRow[];
}

/** What the main thread shows, sent to the worker when it changes. */
export interface View {
  query: ListQuery;
  /** The list's rows in view (indices into the filtered, sorted list). */
  start: number;
  end: number;
  selected: number | null;
  /** Trail simplification for the packing (m). */
  trailToleranceM: number;
}

export interface Frame {
  type: 'frame';
  source: Source;
  /** The store's serial and version: the panels redraw only when these changed. */
  serial: number;
  version: number;
  mode: Mode;
  /** The data clock: data time of the last event and the (wall) time it arrived. */
  time: number;
  receivedAt: number;
  /** Tracks in the picture. */
  total: number;
  /** The packed picture, when it changed since the last frame. */
  packed?: Packed;
  /** The list and the selection, when they changed. */
  list?: ListSlice;
  selected?: { id: number | null; track: Track | null; trail: TrailPoint[] | null };
}

export type ToWorker =
  | { type: 'start'; url: string; picture: Picture | null; now: number }
  | { type: 'stop' }
  | { type: 'reconnect' }
  | { type: 'view'; view: View }
  | { type: 'arrays'; arrays: PackedArrays }
  | { type: 'replay-start'; url: string }
  | { type: 'replay-stop' }
  | { type: 'replay-seek'; target: number; now: number }
  | { type: 'replay-leave' };

export type FromWorker =
  | Frame
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'drop' }
  | { type: 'event'; source: Source; name: string; data: unknown }
  | { type: 'bad'; source: Source; name: string; error: string };

/** The arrays' buffers, for postMessage's transfer list. */
export function transferables(a: PackedArrays): ArrayBuffer[] {
  return [a.points.buffer, a.pilots.buffer, a.lines.buffer, a.ids.buffer, a.lon.buffer, a.lat.buffer, a.h.buffer];
}
