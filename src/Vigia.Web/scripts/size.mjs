// Prints the gzipped size of the built console (dist/): JavaScript, CSS, and the offline basemap data.
// Fails when the JavaScript exceeds the budget of 1.5 MB gzipped (MapLibre included).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const budget = 1.5 * 1024 * 1024;
const totals = new Map();
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else {
      const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : path.includes('/basemap/') ? 'basemap' : path.includes('/glyphs/') ? 'glyphs' : 'other';
      const raw = readFileSync(path);
      const t = totals.get(kind) ?? { raw: 0, gzip: 0, files: 0 };
      t.raw += raw.length;
      t.gzip += gzipSync(raw, { level: 9 }).length;
      t.files++;
      totals.set(kind, t);
    }
  }
};
walk(dist);
for (const [kind, t] of totals) console.log(`${kind.padEnd(8)} ${String(t.files).padStart(3)} files  ${(t.raw / 1024).toFixed(0).padStart(6)} KiB  gzip ${(t.gzip / 1024).toFixed(0).padStart(6)} KiB`);
const js = totals.get('js')?.gzip ?? 0;
console.log(`JavaScript gzipped: ${(js / 1024).toFixed(0)} KiB of a ${(budget / 1024).toFixed(0)} KiB budget`);
if (js > budget) process.exit(1);
