// Derives the console's offline basemap from ../shared/data/geo (see its SOURCES.md): compact GeoJSON
// (coordinates rounded, lines thinned with Douglas–Peucker, only the properties the style uses), the
// Noto Sans glyph ranges and the licence texts. Writes public/basemap/, public/glyphs/, public/licences/.
// The outputs are committed, so `npm run build` needs no shared data; re-run this after the data change:
//   VIGIA_SHARED=../../../shared npm run basemap   (from src/Vigia.Web, with shared/ beside the repository)
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '..');
const shared = resolve(process.env.VIGIA_SHARED ?? join(web, '..', '..', '..', 'shared'));
const geo = join(shared, 'data', 'geo');
if (!existsSync(join(geo, 'SOURCES.md'))) {
  console.error(`build-basemap: no ${geo}/SOURCES.md; set VIGIA_SHARED to the shared data folder`);
  process.exit(1);
}

const out = join(web, 'public', 'basemap');
mkdirSync(out, { recursive: true });

/** Perpendicular distance of p from segment a–b, in coordinate units (degrees; fine for thinning). */
function segmentDistance(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

/** Douglas–Peucker, iterative; keeps the first and last points. */
function thin(points, tolerance) {
  if (points.length <= 2 || tolerance <= 0) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    let worst = -1;
    let worstDistance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistance(points[i], points[first], points[last]);
      if (d > worstDistance) {
        worst = i;
        worstDistance = d;
      }
    }
    if (worst > 0) {
      keep[worst] = 1;
      stack.push([first, worst], [worst, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function round(points, decimals) {
  const f = 10 ** decimals;
  const result = [];
  for (const p of points) {
    const q = [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
    const previous = result[result.length - 1];
    if (!previous || previous[0] !== q[0] || previous[1] !== q[1]) result.push(q);
  }
  return result;
}

function line(points, tolerance, decimals) {
  return round(thin(points, tolerance), decimals);
}

/** A ring stays closed and keeps at least 4 positions, or is dropped (null). */
function ring(points, tolerance, decimals) {
  const r = line(points, tolerance, decimals);
  if (r.length < 4) return null;
  const a = r[0];
  const b = r[r.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
  return r;
}

function polygon(rings, tolerance, decimals) {
  const outer = ring(rings[0], tolerance, decimals);
  if (!outer) return null;
  return [outer, ...rings.slice(1).map((r) => ring(r, tolerance, decimals)).filter((r) => r !== null)];
}

function geometry(g, tolerance, decimals) {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: round([g.coordinates], decimals)[0] };
    case 'LineString': {
      const c = line(g.coordinates, tolerance, decimals);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const c = g.coordinates.map((l) => line(l, tolerance, decimals)).filter((l) => l.length >= 2);
      return c.length > 0 ? { type: 'MultiLineString', coordinates: c } : null;
    }
    case 'Polygon': {
      const c = polygon(g.coordinates, tolerance, decimals);
      return c ? { type: 'Polygon', coordinates: c } : null;
    }
    case 'MultiPolygon': {
      const c = g.coordinates.map((p) => polygon(p, tolerance, decimals)).filter((p) => p !== null);
      return c.length > 0 ? { type: 'MultiPolygon', coordinates: c } : null;
    }
    default:
      throw new Error(`unexpected geometry ${g.type}`);
  }
}

/**
 * @param {string} name source file (without .geojson)
 * @param {{tolerance: number, decimals: number, keep: (p: any) => any, filter?: (f: any) => boolean}} how
 */
function derive(name, how, target = name) {
  const source = JSON.parse(readFileSync(join(geo, `${name}.geojson`), 'utf8'));
  const features = [];
  for (const f of source.features) {
    if (how.filter && !how.filter(f)) continue;
    const g = geometry(f.geometry, how.tolerance, how.decimals);
    if (g) features.push({ type: 'Feature', properties: how.keep(f.properties ?? {}), geometry: g });
  }
  const text = JSON.stringify({ type: 'FeatureCollection', features });
  writeFileSync(join(out, `${target}.geojson`), text);
  console.log(`${target}.geojson: ${features.length} features, ${text.length} bytes (from ${source.features.length})`);
}

const nameOnly = (key) => (p) => ({ name: p[key] ?? '' });

// Context: countries at ~5 km, states at ~500 m, Michoacán municipalities at ~100 m.
derive('world-50m', { tolerance: 0.05, decimals: 2, keep: nameOnly('name') });
derive('mexico-admin1', { tolerance: 0.005, decimals: 3, keep: nameOnly('nom_agee') });
derive('michoacan-municipalities', { tolerance: 0.001, decimals: 4, keep: nameOnly('nom_agem') });
derive('jalisco-neighbour-municipalities', { tolerance: 0.0005, decimals: 4, keep: nameOnly('nom_agem') });
derive('rivers-region', { tolerance: 0.001, decimals: 4, keep: nameOnly('name') });
derive('lakes-region', { tolerance: 0.001, decimals: 4, keep: nameOnly('name') });
// Built-up areas are the protected places of the demo: keep them nearly exact (~1 m).
derive('locality-areas-45km', {
  tolerance: 0.00001,
  decimals: 5,
  keep: (p) => ({ name: p.name ?? '', pob: p.pob2020 ?? 0 }),
});
// Named localities only ("Ninguno" is INEGI's placeholder for an unnamed one).
derive('localities-40km', {
  tolerance: 0,
  decimals: 5,
  filter: (f) => f.properties?.name && f.properties.name !== 'Ninguno',
  keep: (p) => ({ name: p.name, pob: p.pob2020 ?? 0 }),
});
derive('ne-populated-places-mx', {
  tolerance: 0,
  decimals: 4,
  keep: (p) => ({ name: p.name_es || p.name, rank: p.scalerank ?? 10 }),
}, 'places-mx');

// Glyphs: Latin-1, Latin Extended-A and general punctuation for the two font stacks the style uses.
for (const font of ['Noto Sans Regular', 'Noto Sans Medium']) {
  const dir = join(web, 'public', 'glyphs', font);
  mkdirSync(dir, { recursive: true });
  for (const range of ['0-255', '256-511', '8192-8447']) {
    copyFileSync(join(geo, 'glyphs', font, `${range}.pbf`), join(dir, `${range}.pbf`));
  }
}

// Licence texts beside the data they cover.
const licences = join(web, 'public', 'licences');
mkdirSync(licences, { recursive: true });
copyFileSync(join(geo, 'glyphs', 'OFL.txt'), join(licences, 'OFL-Noto-Sans.txt'));
copyFileSync(join(web, 'node_modules', 'maplibre-gl', 'LICENSE.txt'), join(licences, 'LICENSE-maplibre-gl.txt'));
const sources = readFileSync(join(geo, 'SOURCES.md'), 'utf8');
const section = sources.slice(sources.indexOf('## 2. Attribution'), sources.indexOf('## 3. Origins'));
writeFileSync(join(licences, 'DATA-SOURCES.md'), `# Basemap data: sources and licences\n\nDerived by scripts/build-basemap.mjs from the shared geo data (its SOURCES.md, excerpt below).\n\n${section}`);
console.log('glyphs and licences copied');
