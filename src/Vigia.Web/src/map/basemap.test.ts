import { describe, expect, it } from 'vitest';
import { asBaseStyle, chooseBasemap, fetchBaseStyle } from './basemap';

const origin = 'http://127.0.0.1:8080';
const glyphs = `${origin}/glyphs/{fontstack}/{range}.pbf`;

describe('chooseBasemap', () => {
  it('is the bundled basemap when info names none', () => {
    expect(chooseBasemap(null, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ version: '1' }, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ basemap: null }, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ basemap: {} }, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ basemap: { style_url: '  ' } }, origin)).toEqual({ kind: 'bundled' });
  });

  it('uses style_url, resolved against the origin, and prefers it to pmtiles_url', () => {
    expect(chooseBasemap({ basemap: { style_url: 'https://tiles.example/style.json' } }, origin)).toEqual({ kind: 'style', url: 'https://tiles.example/style.json' });
    expect(chooseBasemap({ basemap: { style_url: '/basemap/style.json', pmtiles_url: '/x.pmtiles' } }, origin)).toEqual({ kind: 'style', url: `${origin}/basemap/style.json` });
  });

  it('falls back with a notice for a style_url that is not http(s), or for a PMTiles archive alone', () => {
    expect(chooseBasemap({ basemap: { style_url: 'javascript:alert(1)' } }, origin)).toEqual({ kind: 'bundled', notice: 'invalid' });
    expect(chooseBasemap({ basemap: { style_url: 'http://[bad' } }, origin)).toEqual({ kind: 'bundled', notice: 'invalid' });
    expect(chooseBasemap({ basemap: { pmtiles_url: '/tiles/world.pmtiles' } }, origin)).toEqual({ kind: 'bundled', notice: 'pmtiles' });
    expect(chooseBasemap({ basemap: { style_url: 42 as unknown as string } }, origin)).toEqual({ kind: 'bundled' });
  });
});

describe('asBaseStyle / fetchBaseStyle', () => {
  const style = { version: 8, sources: { osm: { type: 'raster', tiles: ['https://t/{z}/{x}/{y}.png'] } }, layers: [{ id: 'osm', type: 'raster', source: 'osm' }] };

  it('accepts a version 8 style, adding the console glyphs when it has none', () => {
    expect(asBaseStyle(style, glyphs)).toMatchObject({ version: 8, glyphs, layers: [{ id: 'osm' }] });
    expect(asBaseStyle({ ...style, glyphs: 'https://g/{fontstack}/{range}.pbf' }, glyphs)?.glyphs).toBe('https://g/{fontstack}/{range}.pbf');
  });

  it('refuses what is not a style', () => {
    expect(asBaseStyle(null, glyphs)).toBeNull();
    expect(asBaseStyle({ ...style, version: 7 }, glyphs)).toBeNull();
    expect(asBaseStyle({ ...style, layers: {} }, glyphs)).toBeNull();
    expect(asBaseStyle({ version: 8, layers: [] }, glyphs)).toBeNull();
  });

  it('is null (fall back) on an HTTP error, bad JSON or a network failure', async () => {
    const ok = (async () => new Response(JSON.stringify(style))) as unknown as typeof fetch;
    expect(await fetchBaseStyle('http://x/s.json', glyphs, 1000, ok)).not.toBeNull();
    const missing = (async () => new Response('no', { status: 404 })) as unknown as typeof fetch;
    expect(await fetchBaseStyle('http://x/s.json', glyphs, 1000, missing)).toBeNull();
    const junk = (async () => new Response('{')) as unknown as typeof fetch;
    expect(await fetchBaseStyle('http://x/s.json', glyphs, 1000, junk)).toBeNull();
    const down = (async () => { throw new TypeError('failed'); }) as unknown as typeof fetch;
    expect(await fetchBaseStyle('http://x/s.json', glyphs, 1000, down)).toBeNull();
  });
});
