// Browser benchmark of the console (issue 6, "Targets"): `npm run bench` here.
//
// Starts `vigia serve` (rate limit raised) on a fresh data folder, feeds N live Remote ID drones (default
// 2,000) once a second as one batch of geodetic observations, then in headless Debian chromium:
//   1. cold page load (fresh browser context, key already in the tab's session): time from navigation
//      start to the first frame in which the map draws track symbols (target ≤ 2 s);
//   2. with the console open on the live picture, a Chrome DevTools Protocol trace (Tracing domain) of
//      UPDATES updates (default 60): renderer main-thread time per update = the summed top-level task time
//      of the page's main thread between one large `tracks` event and the next (targets p50 ≤ 16 ms,
//      p95 ≤ 33 ms);
//   3. the gzipped size of the console's JavaScript (src/Vigia.Web/dist, target ≤ 1.5 MB).
// Prints a table and writes artifacts/e2e/bench.json (+ the raw trace with BENCH_KEEP_TRACE=1).
// Environment: VIGIA_DLL, CHROMIUM (as the e2e test), BENCH_TRACKS, BENCH_UPDATES, BENCH_KEEP_TRACE=1 (raw trace; then
// `node trace-breakdown.mjs` says where the time goes), BENCH_PROFILE=1 (a CPU profile after the trace: self time by
// function). No assertions: figures only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  artifactsDir, ensureArtifactsDir, freePort, getJson, launchBrowser, postObservations, removeDir, repoRoot, secretFrom,
  sleep, startServer, tempDataDir, vigia,
  EverySecond,
} from './lib.mjs';

const tracks = Number(process.env.BENCH_TRACKS ?? 2000);
const updates = Number(process.env.BENCH_UPDATES ?? 60);
const origin = [19.19, -102.85, 420];
const earth = 6_371_008.8;
const offset = (lat, lon, east, north) => [lat + (north / earth) * (180 / Math.PI), lon + (east / (earth * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI)];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
};
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/** Drone k sits on a square grid 150 m apart and flies a 40 m circle at 5 m/s. */
function batch(second, sensorTime) {
  const side = Math.ceil(Math.sqrt(tracks));
  const observations = [];
  for (let k = 0; k < tracks; k++) {
    const gx = (k % side) - side / 2;
    const gy = Math.floor(k / side) - side / 2;
    const a = (second * 5) / 40 + k;
    const [lat, lon] = offset(origin[0], origin[1], gx * 150 + 40 * Math.sin(a), gy * 150 + 40 * Math.cos(a));
    observations.push({
      sensor_id: 'rid-bench', id: `b-${second}-${k}`, sensor_time: sensorTime, kind: 'geodetic',
      values: [lat, lon, 500 + (k % 50)], covariance: [9, 9, 25], uas_id: `BENCH${String(k).padStart(6, '0')}`,
    });
  }
  return observations;
}

class Feeder extends EverySecond {
  constructor(url, token) {
    super();
    Object.assign(this, { url, token, second: 0, slow: 0 });
  }

  async tick() {
    const s = this.second++;
    const started = Date.now();
    try {
      await postObservations(this.url, this.token, batch(s, new Date().toISOString()));
    } catch (e) {
      this.errors.push(String(e).slice(0, 300));
    }
    if (Date.now() - started > 1000) this.slow++;
  }
}

/**
 * Marks every large `tracks` event in the trace (performance.mark → blink.user_timing). Installed before the page's code.
 * (The console's picture worker marks its own events: an init script does not reach a worker.)
 */
const markUpdates = () => {
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    if (type === 'tracks') {
      add.call(this, type, (e) => {
        if (e.data.length > 20_000) performance.mark('vigia-update');
      }, options);
    }
    return add.call(this, type, listener, options);
  };
};

/** Renderer main-thread busy time per update from a Chrome trace's events. */
function perUpdate(events) {
  const mainThreads = new Set();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  const marks = events.filter((e) => e.name === 'vigia-update' && (e.cat ?? '').includes('blink.user_timing'));
  if (marks.length === 0) return { error: 'no vigia-update marks in the trace' };
  // The marks come from whichever thread receives the stream (the console's picture worker, or the main
  // thread of an older console); the time counted is always the renderer main thread's, in that process.
  const main = [...mainThreads].find((t) => t.startsWith(`${marks[0].pid}:`));
  const thread = main ?? `${marks[0].pid}:${marks[0].tid}`;
  const starts = [...new Set(marks.map((m) => m.ts))].sort((a, b) => a - b);
  // Top-level tasks of that thread (RunTask and the like, category "toplevel"), nested ones dropped.
  const tasks = events
    .filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread && (e.cat ?? '').split(',').includes('toplevel') && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts);
  const top = [];
  let end = -Infinity;
  for (const t of tasks) {
    if (t.ts >= end) {
      top.push(t);
      end = t.ts + t.dur;
    }
  }
  // Each task counts in the window of the last mark at or before its start, or, when it holds a mark
  // (the task that dispatched the update), in that mark's window. Window w runs from mark w to mark w+1.
  const busy = new Array(Math.max(0, starts.length - 1)).fill(0);
  const lastAtOrBefore = (ts) => {
    let lo = 0;
    let hi = starts.length - 1;
    if (ts < starts[0]) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= ts) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const t of top) {
    const w = lastAtOrBefore(t.ts + t.dur);
    const holdsMark = w >= 0 && starts[w] >= t.ts;
    const index = holdsMark ? w : lastAtOrBefore(t.ts);
    if (index >= 0 && index < busy.length) busy[index] += t.dur;
  }
  const windows = busy.map((b, w) => ({ ms: b / 1000, spanMs: (starts[w + 1] - starts[w]) / 1000 }));
  return { thread, mainThreads: mainThreads.size, marks: starts.length, windows };
}

/**
 * BENCH_PROFILE=1: after the trace (so the sampling does not weigh on its figures), V8's sampling profiler
 * over `seconds` s of updates; returns the functions with the most self time per second (≈ per update).
 * The raw profile goes to artifacts/e2e/bench.cpuprofile (opens in DevTools).
 */
async function profileFunctions(cdp, seconds) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await sleep(seconds * 1000);
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(artifactsDir, 'bench.cpuprofile'), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  }
  const rows = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 30);
  return `  self time by function, ${seconds} s sampled (ms per second):\n${rows.map(([k, ms]) => `    ${(ms / seconds).toFixed(2).padStart(8)}  ${k}`).join('\n')}`;
}

function bundleSize() {
  const dir = join(repoRoot, 'src/Vigia.Web/dist/assets');
  let raw = 0;
  let gz = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const bytes = readFileSync(join(dir, name));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { rawKiB: raw / 1024, gzipKiB: gz / 1024 };
}

async function main() {
  ensureArtifactsDir();
  const data = tempDataDir('bench');
  let server;
  let browser;
  let feeder;
  try {
    const token = secretFrom(vigia('sensors', 'add', 'rid-bench', '--kind', 'remote-id', '--data', data), 'vgs');
    const key = secretFrom(vigia('keys', 'add', 'bench', '--role', 'admin', '--data', data), 'vgk');
    server = await startServer({
      data, port: await freePort(),
      extra: ['--origin', origin.join(','), '--Vigia:RequestsPerSecondPerClient=100000', '--Vigia:RequestBurstPerClient=100000'],
    });
    feeder = new Feeder(server.url, token);
    feeder.start();
    process.stderr.write(`feeding ${tracks} drones once a second to ${server.url} …\n`);
    let live = 0;
    for (let s = 0; s < 60 && live < tracks; s++) {
      await sleep(1000);
      live = (await getJson(server.url, '/api/v1/tracks', key)).tracks.length;
    }
    process.stderr.write(`${live} tracks live\n`);

    browser = await launchBrowser();
    const session = (context) => context.addInitScript((k) => sessionStorage.setItem('vigia.key', k), key);

    // 1. Cold start: a fresh context (empty cache), the key in the session as after a sign-in.
    const coldRuns = [];
    for (let run = 0; run < 3; run++) {
      const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1400, height: 900 } });
      await session(context);
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'commit' });
      const painted = await page.waitForFunction(() => new Promise((resolve) => {
        const check = () => (window.vigia?.renderedTrackCount?.() ?? 0) > 0
          ? resolve({ ms: performance.now(), drawn: window.vigia.renderedTrackCount(), source: window.vigia.mapTrackCount(), ready: window.vigia.ready })
          : requestAnimationFrame(check);
        check();
      }), undefined, { timeout: 60_000, polling: 'raf' });
      coldRuns.push(await painted.jsonValue());
      if (run === 0) await page.screenshot({ path: join(artifactsDir, 'bench-cold.png') });
      await context.close();
    }

    // 2. The console open on the live picture; trace UPDATES updates.
    const context = await browser.newContext({ locale: 'es-MX', viewport: { width: 1400, height: 900 } });
    await session(context);
    await context.addInitScript(markUpdates);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    await sleep(3000);
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { recordMode: 'recordContinuously', includedCategories: ['toplevel', 'blink.user_timing', '__metadata', 'devtools.timeline'] },
    });
    const t0 = Date.now();
    const before = await page.evaluate(() => window.vigia.mapUpdates());
    const framesBefore = await page.evaluate(() => window.vigia.mapFrames?.() ?? Number.NaN);
    await sleep((updates + 2) * 1000);
    const after = await page.evaluate(() => window.vigia.mapUpdates());
    const framesAfter = await page.evaluate(() => window.vigia.mapFrames?.() ?? Number.NaN);
    await cdp.send('Tracing.end');
    await complete;
    const traceSeconds = (Date.now() - t0) / 1000;
    await page.screenshot({ path: join(artifactsDir, 'bench-live.png') });
    if (process.env.BENCH_KEEP_TRACE === '1') writeFileSync(join(artifactsDir, 'bench-trace.json'), JSON.stringify({ traceEvents: events }));
    const analysis = perUpdate(events);
    const profile = process.env.BENCH_PROFILE === '1' ? await profileFunctions(cdp, 20) : null;
    const shown = await page.evaluate(() => ({ source: window.vigia.mapTrackCount(), list: window.vigia.storeTrackIds().length }));

    const windows = (analysis.windows ?? []).slice(0, updates);
    const ms = windows.map((w) => w.ms);
    const cold = coldRuns.map((r) => r.ms);
    const size = bundleSize();
    const result = {
      tracks: { requested: tracks, live, inConsole: shown },
      cold_first_paint_ms: { runs: cold, median: quantile(cold, 0.5), drawn: coldRuns.map((r) => r.drawn) },
      per_update_ms: { n: ms.length, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), max: Math.max(...ms), mean: ms.reduce((a, b) => a + b, 0) / (ms.length || 1) },
      update_interval_ms: { p50: quantile(windows.map((w) => w.spanMs), 0.5) },
      map_source_updates: after - before,
      track_layer_frames: framesAfter - framesBefore,
      trace: { seconds: traceSeconds, events: events.length, marks: analysis.marks, error: analysis.error },
      bundle: size,
      feeder: { batches: feeder.second, errors: feeder.errors.length, slow: feeder.slow, firstError: feeder.errors[0] },
    };
    writeFileSync(join(artifactsDir, 'bench.json'), JSON.stringify(result, null, 2));
    console.log(`
console benchmark: ${tracks} live tracks updated once a second (${live} in the picture, ${shown.source} on the map)
  cold start → first frame with tracks   ${cold.map((x) => f1(x)).join(' / ')} ms   median ${f1(quantile(cold, 0.5))} ms   (target ≤ 2000)
  main-thread time per update (${ms.length})   p50 ${f1(quantile(ms, 0.5))} ms   p95 ${f1(quantile(ms, 0.95))} ms   max ${f1(Math.max(...ms))} ms   (targets ≤ 16 / ≤ 33)
  updates: interval p50 ${f1(quantile(windows.map((w) => w.spanMs), 0.5))} ms; map updates ${after - before}, track layer frames ${framesAfter - framesBefore}, in ${f1(traceSeconds)} s
  JavaScript  ${f1(size.rawKiB)} KiB, gzip ${f1(size.gzipKiB)} KiB   (target ≤ 1536 KiB gzip)
  feeder: ${feeder.second} batches, ${feeder.errors.length} refused, ${feeder.slow} took over 1 s${analysis.error ? `\n  trace: ${analysis.error}` : ''}
  (artifacts/e2e/bench.json, bench-cold.png, bench-live.png)`);
    if (profile) console.log(profile);
  } finally {
    feeder?.stop();
    await browser?.close();
    await server?.stop();
    removeDir(data);
  }
}

await main();
