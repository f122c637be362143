/// <reference lib="webworker" />
import type { Picture, TracksEvent } from '../api/types';
import { StreamClient } from '../stream/stream';
import { PictureCore } from './core';
import { markLarge } from './marks';
import type { FromWorker, Source, ToWorker } from './protocol';

// The picture worker: the live stream (and a replay's) connect, parse and update the picture here, off the
// console's main thread; the main thread gets frames (packed arrays, list rows in view, the selection) and
// the small events. See protocol.ts.

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, transfer);
const core = new PictureCore((frame, transfer) => post(frame, transfer));
let live: StreamClient | null = null;
let replay: StreamClient | null = null;
let tick: ReturnType<typeof setInterval> | null = null;

/** One stream's handlers: the picture's events go to the core, the rest to the main thread. */
function handlers(source: Source): Record<string, (data: unknown) => void> {
  const forward = (name: string) => (data: unknown) => post({ type: 'event', source, name, data });
  const common = {
    snapshot: (d: unknown) => core.snapshot(source, d as Picture, Date.now()),
    tracks: (d: unknown) => {
      core.tracks(source, d as TracksEvent, Date.now());
    },
  };
  return source === 'live'
    ? { ...common, sensors: forward('sensors'), alert: forward('alert') }
    : { ...common, replay: forward('replay'), alert: forward('alert'), alerts: forward('alerts') };
}

function eventSource(url: string) {
  const es = new EventSource(url);
  es.addEventListener('tracks', markLarge);
  return es;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'start': {
      live?.stop();
      core.clear();
      if (m.picture) core.live.applySnapshot(m.picture, m.now);
      live = new StreamClient({
        url: () => m.url,
        stallMs: 10_000,
        factory: eventSource,
        handlers: handlers('live'),
        onStatus: (status) => post({ type: 'status', status }),
        onDrop: () => post({ type: 'drop' }),
        onBadEvent: (name, error) => post({ type: 'bad', source: 'live', name, error: String(error) }),
      });
      live.start();
      tick ??= setInterval(() => core.tick(Date.now()), 1000);
      core.emit();
      break;
    }
    case 'stop':
      live?.stop();
      replay?.stop();
      live = replay = null;
      if (tick) clearInterval(tick);
      tick = null;
      core.clear();
      break;
    case 'reconnect':
      live?.reconnectNow();
      break;
    case 'view':
      core.setView(m.view);
      break;
    case 'arrays':
      core.giveBack(m.arrays);
      break;
    case 'replay-start':
      replay?.stop();
      core.startReplay();
      replay = new StreamClient({
        url: () => m.url,
        factory: eventSource,
        handlers: handlers('replay'),
        onBadEvent: (name, error) => post({ type: 'bad', source: 'replay', name, error: String(error) }),
      });
      replay.start();
      break;
    case 'replay-stop':
      replay?.stop();
      break;
    case 'replay-seek':
      core.seekReplay(m.target, m.now);
      break;
    case 'replay-leave':
      replay?.stop();
      replay = null;
      core.leaveReplay();
      break;
  }
};
