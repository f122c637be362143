// Where the renderer main thread's time goes in a benchmark trace: `node trace-breakdown.mjs [trace.json]`
// (default ../../artifacts/e2e/bench-trace.json, written by `BENCH_KEEP_TRACE=1 npm run bench`).
//
// Prints, per update (the trace's time between the first and the last `vigia-update` mark divided by the
// updates in between), (1) the renderer main thread's top-level tasks grouped by what they ran (the first
// devtools.timeline event inside: animation frame, timer, event dispatch with its type, a function call
// with its name, a worker message, ...), (2) self time by trace event name (FunctionCall, Layout, Paint,
// UpdateLayoutTree, GC, ...), and (3) the JavaScript entry points (FunctionCall) by function name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir } from './lib.mjs';

const file = process.argv[2] ?? join(artifactsDir, 'bench-trace.json');
const raw = JSON.parse(readFileSync(file, 'utf8'));
const events = Array.isArray(raw) ? raw : raw.traceEvents;

const marks = events.filter((e) => e.name === 'vigia-update' && (e.cat ?? '').includes('blink.user_timing'));
if (marks.length < 2) throw new Error('fewer than two vigia-update marks in the trace');
// The renderer main thread of the marks' process (the marks may come from the console's picture worker).
const mainThread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === marks[0].pid);
const thread = mainThread ? `${mainThread.pid}:${mainThread.tid}` : `${marks[0].pid}:${marks[0].tid}`;
const starts = [...new Set(marks.map((m) => m.ts))].sort((a, b) => a - b);
const from = starts[0];
const to = starts[starts.length - 1];
const n = starts.length - 1;

// The main thread's complete events in [from, to), B/E pairs turned into X.
const own = events.filter((e) => `${e.pid}:${e.tid}` === thread);
const complete = [];
const open = [];
for (const e of own.sort((a, b) => a.ts - b.ts)) {
  if (e.ph === 'X' && typeof e.dur === 'number') complete.push(e);
  else if (e.ph === 'B') open.push(e);
  else if (e.ph === 'E') {
    const b = open.pop();
    if (b) complete.push({ ...b, ph: 'X', dur: e.ts - b.ts });
  }
}
const inRange = complete.filter((e) => e.ts >= from && e.ts < to).sort((a, b) => a.ts - b.ts || b.dur - a.dur);

// Nesting: a stack walk gives each event its parent and its self time.
const stack = [];
const self = new Map();
const tops = [];
for (const e of inRange) {
  while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
  const parent = stack[stack.length - 1];
  e.self = e.dur;
  e.children = [];
  if (parent) {
    parent.self -= e.dur;
    parent.children.push(e);
  } else if ((e.cat ?? '').split(',').includes('toplevel')) {
    tops.push(e);
  }
  stack.push(e);
}
for (const e of inRange) {
  if (!(e.cat ?? '').split(',').includes('toplevel')) self.set(e.name, (self.get(e.name) ?? 0) + Math.max(0, e.self));
}

const describe = (e) => {
  const d = e.args?.data ?? {};
  switch (e.name) {
    case 'EventDispatch':
      return `EventDispatch ${d.type ?? ''}`;
    case 'FunctionCall':
      return `FunctionCall ${d.functionName || '(anonymous)'} ${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`;
    case 'TimerFire':
      return 'TimerFire';
    default:
      return e.name;
  }
};
const kindOf = (task) => {
  let e = task.children[0];
  if (!e) return '(task, nothing traced inside)';
  // A timer or an animation frame is named by the function it ran.
  if ((e.name === 'TimerFire' || e.name === 'FireAnimationFrame') && e.children[0]) return `${e.name} → ${describe(e.children[0])}`;
  return describe(e);
};

const add = (map, key, ms) => {
  const v = map.get(key) ?? { ms: 0, count: 0 };
  v.ms += ms;
  v.count++;
  map.set(key, v);
};
const byKind = new Map();
let total = 0;
for (const t of tops) {
  add(byKind, kindOf(t), t.dur / 1000);
  total += t.dur / 1000;
}
const calls = new Map();
for (const e of inRange) if (e.name === 'FunctionCall') add(calls, describe(e), e.dur / 1000);

const table = (title, map, rows = 20) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1].ms - a[1].ms).slice(0, rows)) {
    console.log(`  ${(v.ms / n).toFixed(2).padStart(9)} ms/update  ${String(v.count).padStart(6)} ×  ${k}`);
  }
};
console.log(`${file}: ${n} updates, main thread ${thread}, top-level task time ${(total / n).toFixed(1)} ms per update`);
table('top-level tasks by what they ran (inclusive)', byKind);
table('self time by trace event', new Map([...self].map(([k, v]) => [k, { ms: v / 1000, count: inRange.filter((e) => e.name === k).length }])));
table('JavaScript entry points (FunctionCall, inclusive)', calls);
