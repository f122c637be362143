import { describe, expect, it } from 'vitest';
import { asBaseStyle, chooseBasemap, fetchBaseStyle, pmtilesLayers, vectorLayerIds, withPmtiles } from './basemap';
import { basemapStyle } from './style';

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

  it('falls back with a notice for a style_url that is not http(s)', () => {
    expect(chooseBasemap({ basemap: { style_url: 'javascript:alert(1)' } }, origin)).toEqual({ kind: 'bundled', notice: 'invalid' });
    expect(chooseBasemap({ basemap: { style_url: 'http://[bad' } }, origin)).toEqual({ kind: 'bundled', notice: 'invalid' });
    expect(chooseBasemap({ basemap: { style_url: 42 as unknown as string } }, origin)).toEqual({ kind: 'bundled' });
  });
});

describe('PMTiles basemap', () => {
  it('uses pmtiles_url alone (resolved against the origin), not with a style_url, and not when it is not http(s)', () => {
    expect(chooseBasemap({ basemap: { pmtiles_url: '/basemap/custom.pmtiles' } }, origin)).toEqual({ kind: 'pmtiles', url: `${origin}/basemap/custom.pmtiles` });
    expect(chooseBasemap({ basemap: { style_url: null, pmtiles_url: ' https://t.example/a.pmtiles ' } }, origin)).toEqual({ kind: 'pmtiles', url: 'https://t.example/a.pmtiles' });
    expect(chooseBasemap({ basemap: { style_url: '/s.json', pmtiles_url: '/basemap/custom.pmtiles' } }, origin).kind).toBe('style');
    expect(chooseBasemap({ basemap: { pmtiles_url: 'file:///etc/x.pmtiles' } }, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ basemap: { pmtiles_url: '  ' } }, origin)).toEqual({ kind: 'bundled' });
    expect(chooseBasemap({ basemap: { pmtiles_url: 7 as unknown as string } }, origin)).toEqual({ kind: 'bundled' });
  });

  const url = `${origin}/basemap/custom.pmtiles`;

  it('draws PNG, JPEG and WebP archives as raster; AVIF, MLT and unknown not at all', () => {
    for (const tileType of [2, 3, 4]) {
      const d = pmtilesLayers(url, { tileType, minZoom: 0, maxZoom: 12, vectorLayers: [] });
      expect(d?.source).toMatchObject({ type: 'raster', url: `pmtiles://${url}`, maxzoom: 12 });
      expect(d?.layers.map((l) => l.type)).toEqual(['raster']);
    }
    for (const tileType of [0, 5, 6]) expect(pmtilesLayers(url, { tileType, minZoom: 0, maxZoom: 12, vectorLayers: [] })).toBeNull();
  });

  it('draws recognisable vector layers as land, water and roads, anything else as outlines', () => {
    const d = pmtilesLayers(url, { tileType: 1, minZoom: 0, maxZoom: 14, vectorLayers: ['earth', 'water', 'roads', 'pois'] });
    expect(d?.source).toMatchObject({ type: 'vector', url: `pmtiles://${url}` });
    expect(d?.layers.map((l) => l.id)).toEqual(['pmtiles-land-earth', 'pmtiles-water-water', 'pmtiles-waterline-water', 'pmtiles-roads-roads']);
    const other = pmtilesLayers(url, { tileType: 1, minZoom: 0, maxZoom: 14, vectorLayers: ['a', 'b'] });
    expect(other?.layers.map((l) => [l.id, l.type])).toEqual([['pmtiles-outline-a', 'line'], ['pmtiles-outline-b', 'line']]);
    expect(vectorLayerIds({ vector_layers: [{ id: 'water' }, { id: 3 }, null, { id: 'roads' }] })).toEqual(['water', 'roads']);
    expect(vectorLayerIds('junk')).toEqual([]);
  });

  it('puts the archive under every bundled layer, keeping them, with the bundled fills see-through', () => {
    const bundled = basemapStyle(origin);
    const ids = bundled.layers.map((l) => l.id);
    const style = withPmtiles(basemapStyle(origin), pmtilesLayers(url, { tileType: 2, minZoom: 0, maxZoom: 12, vectorLayers: [] })!);
    expect(style.layers.map((l) => l.id)).toEqual([ids[0], 'pmtiles-raster', ...ids.slice(1)]);
    expect(style.sources['pmtiles-base']).toMatchObject({ type: 'raster' });
    const fill = style.layers.find((l) => l.id === 'world-fill');
    expect(fill?.type === 'fill' && fill.paint?.['fill-opacity']).toBe(0);
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
