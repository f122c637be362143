import type { FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { ServerInfo } from '../api/types';

// Which basemap the console draws: the server may name a MapLibre style (`basemap.style_url` in
// GET /api/v1/info); otherwise, or when that style cannot be loaded, the bundled offline basemap. A PMTiles
// archive (`basemap.pmtiles_url`, no style_url) is drawn under the bundled basemap's layers (map/pmtiles.ts
// reads it; the pure parts are here).

export type BasemapChoice =
  /** Load this style (absolute URL) and draw the console's sources and layers over it. */
  | { kind: 'style'; url: string }
  /** The bundled basemap with this PMTiles archive (absolute http(s) URL) drawn under its layers. */
  | { kind: 'pmtiles'; url: string }
  /**
   * The bundled offline basemap. `notice`: why a server's basemap is not shown (`invalid`: its style_url
   * is not an http(s) URL).
   */
  | { kind: 'bundled'; notice?: 'invalid' };

function httpUrl(text: string, origin: string): string | null {
  try {
    const url = new URL(text, origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The basemap that `info` asks for, URLs resolved against the console's origin. Pure. */
export function chooseBasemap(info: ServerInfo | null | undefined, origin: string): BasemapChoice {
  const b = info && typeof info === 'object' ? info.basemap : undefined;
  if (!b || typeof b !== 'object') return { kind: 'bundled' };
  const style = typeof b.style_url === 'string' ? b.style_url.trim() : '';
  if (style !== '') {
    const url = httpUrl(style, origin);
    return url ? { kind: 'style', url } : { kind: 'bundled', notice: 'invalid' };
  }
  const pmtiles = typeof b.pmtiles_url === 'string' ? b.pmtiles_url.trim() : '';
  if (pmtiles !== '') {
    // An archive that is not on http(s) cannot be read; the bundled basemap is drawn without a notice.
    const url = httpUrl(pmtiles, origin);
    return url ? { kind: 'pmtiles', url } : { kind: 'bundled' };
  }
  return { kind: 'bundled' };
}

/** What the console needs of a PMTiles archive's header and metadata. */
export interface PmtilesInfo {
  /** The header's tile type: 1 MVT, 2 PNG, 3 JPEG, 4 WebP (others are not drawn). */
  tileType: number;
  minZoom: number;
  maxZoom: number;
  /** Ids of the metadata's `vector_layers` (MVT archives). */
  vectorLayers: string[];
}

/** The ids in a PMTiles metadata document's `vector_layers`; [] for anything else. */
export function vectorLayerIds(metadata: unknown): string[] {
  const layers = metadata && typeof metadata === 'object' ? (metadata as { vector_layers?: unknown }).vector_layers : undefined;
  if (!Array.isArray(layers)) return [];
  return layers.map((l) => (l && typeof l === 'object' ? (l as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string' && id !== '');
}

const pmtilesSource = 'pmtiles-base';
/** Layer names of the common vector schemas (OpenMapTiles, Protomaps, Shortbread) the console recognises. */
const landNames = ['earth', 'land', 'landcover', 'landuse', 'park', 'natural'];
const waterNames = ['water', 'ocean', 'lake', 'lakes', 'water_polygons', 'waterway', 'water_lines'];
const roadNames = ['roads', 'road', 'transportation', 'streets', 'highway'];

/**
 * The source and layers that draw a PMTiles archive: raster tiles as a raster layer; vector tiles as land,
 * water and roads when those layers are recognisable, else every layer as thin outlines. Null when the
 * tile type cannot be drawn (unknown, AVIF, MLT), so the caller keeps the bundled basemap alone. Pure.
 */
export function pmtilesLayers(url: string, info: PmtilesInfo): { source: SourceSpecification; layers: LayerSpecification[] } | null {
  const zooms = { minzoom: Math.max(0, Math.floor(info.minZoom) || 0), maxzoom: Math.min(24, Math.max(0, Math.floor(info.maxZoom) || 14)) };
  const src = `pmtiles://${url}`;
  if (info.tileType === 2 || info.tileType === 3 || info.tileType === 4) {
    return {
      source: { type: 'raster', url: src, tileSize: 256, ...zooms },
      layers: [{ id: 'pmtiles-raster', type: 'raster', source: pmtilesSource }],
    };
  }
  if (info.tileType !== 1) return null;
  const source: SourceSpecification = { type: 'vector', url: src, ...zooms };
  const present = (names: string[]) => info.vectorLayers.filter((id) => names.includes(id.toLowerCase()));
  const land = present(landNames);
  const water = present(waterNames);
  const roads = present(roadNames);
  const layers: LayerSpecification[] = [];
  const polygons = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]] as unknown as FilterSpecification;
  const lines = ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]] as unknown as FilterSpecification;
  if (land.length + water.length + roads.length > 0) {
    for (const id of land) layers.push({ id: `pmtiles-land-${id}`, type: 'fill', source: pmtilesSource, 'source-layer': id, filter: polygons, paint: { 'fill-color': id.toLowerCase() === 'earth' || id.toLowerCase() === 'land' ? '#e9ecef' : '#dfe8d8' } } as LayerSpecification);
    for (const id of water) {
      layers.push({ id: `pmtiles-water-${id}`, type: 'fill', source: pmtilesSource, 'source-layer': id, filter: polygons, paint: { 'fill-color': '#a9c9e0' } } as LayerSpecification);
      layers.push({ id: `pmtiles-waterline-${id}`, type: 'line', source: pmtilesSource, 'source-layer': id, filter: lines, paint: { 'line-color': '#7fa9c9', 'line-width': 1 } } as LayerSpecification);
    }
    for (const id of roads) layers.push({ id: `pmtiles-roads-${id}`, type: 'line', source: pmtilesSource, 'source-layer': id, filter: lines, paint: { 'line-color': '#ffffff', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 14, 3] } } as LayerSpecification);
  } else {
    for (const id of info.vectorLayers) layers.push({ id: `pmtiles-outline-${id}`, type: 'line', source: pmtilesSource, 'source-layer': id, paint: { 'line-color': '#8a9199', 'line-width': 0.6 } } as LayerSpecification);
  }
  return { source, layers };
}

/**
 * The bundled style with an archive's layers drawn under the bundled ones (just above the background).
 * The bundled land, lake and built-up fills become transparent or light so the archive shows through; the
 * bundled lines and labels are kept as they are. The style is changed in place and returned.
 */
export function withPmtiles(style: StyleSpecification, drawn: { source: SourceSpecification; layers: LayerSpecification[] }): StyleSpecification {
  style.sources[pmtilesSource] = drawn.source;
  const at = style.layers.findIndex((l) => l.type === 'background') + 1;
  style.layers.splice(at, 0, ...drawn.layers);
  for (const layer of style.layers) {
    if (layer.type !== 'fill' || layer.id.startsWith('pmtiles-')) continue;
    layer.paint = { ...layer.paint, 'fill-opacity': layer.id === 'built-up-fill' ? 0.3 : 0 };
  }
  return style;
}

/**
 * A fetched style document as a style the console can draw on, or null when it is not one (version 8,
 * `sources` an object, `layers` an array). Glyphs default to the console's own (its labels need them);
 * a style that names its own glyphs keeps them.
 */
export function asBaseStyle(doc: unknown, glyphs: string): StyleSpecification | null {
  if (!doc || typeof doc !== 'object') return null;
  const s = doc as Partial<StyleSpecification>;
  if (s.version !== 8 || !s.sources || typeof s.sources !== 'object' || Array.isArray(s.sources) || !Array.isArray(s.layers)) return null;
  return { ...s, version: 8, sources: { ...s.sources }, layers: [...s.layers], glyphs: typeof s.glyphs === 'string' && s.glyphs !== '' ? s.glyphs : glyphs } as StyleSpecification;
}

/** Fetches a style (with a time limit); null on any failure, so that the caller falls back to the bundled basemap. */
export async function fetchBaseStyle(url: string, glyphs: string, timeoutMs = 5000, fetcher: typeof fetch = fetch): Promise<StyleSpecification | null> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: abort.signal, headers: { accept: 'application/json' } });
    if (!response.ok) return null;
    return asBaseStyle(await response.json(), glyphs);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
