import type { StyleSpecification } from 'maplibre-gl';
import type { ServerInfo } from '../api/types';

// Which basemap the console draws: the server may name a MapLibre style (`basemap.style_url` in
// GET /api/v1/info); otherwise, or when that style cannot be loaded, the bundled offline basemap. A PMTiles
// archive (`basemap.pmtiles_url`) is not drawn yet (it would need the `pmtiles` protocol library).

export type BasemapChoice =
  /** Load this style (absolute URL) and draw the console's sources and layers over it. */
  | { kind: 'style'; url: string }
  /**
   * The bundled offline basemap. `notice`: why a server's basemap is not shown (`invalid`: its style_url
   * is not an http(s) URL; `pmtiles`: only a PMTiles archive was offered, which the console cannot draw).
   */
  | { kind: 'bundled'; notice?: 'invalid' | 'pmtiles' };

/** The basemap that `info` asks for, URLs resolved against the console's origin. Pure. */
export function chooseBasemap(info: ServerInfo | null | undefined, origin: string): BasemapChoice {
  const b = info && typeof info === 'object' ? info.basemap : undefined;
  if (!b || typeof b !== 'object') return { kind: 'bundled' };
  const style = typeof b.style_url === 'string' ? b.style_url.trim() : '';
  if (style !== '') {
    let url: URL;
    try {
      url = new URL(style, origin);
    } catch {
      return { kind: 'bundled', notice: 'invalid' };
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? { kind: 'style', url: url.href } : { kind: 'bundled', notice: 'invalid' };
  }
  if (typeof b.pmtiles_url === 'string' && b.pmtiles_url.trim() !== '') return { kind: 'bundled', notice: 'pmtiles' };
  return { kind: 'bundled' };
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
