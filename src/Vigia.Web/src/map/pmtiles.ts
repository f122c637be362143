import maplibregl, { type StyleSpecification } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { pmtilesLayers, vectorLayerIds, withPmtiles } from './basemap';
import { basemapStyle } from './style';

// Reads a PMTiles archive served by the Vigía server (HTTP range requests) through the `pmtiles` protocol
// of MapLibre. Loaded only when the server offers an archive (its own chunk).

let protocol: Protocol | null = null;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/**
 * The bundled basemap style with the archive at `url` drawn under its layers; null when the archive cannot
 * be read or its tiles cannot be drawn (the caller then draws the bundled basemap alone, silently).
 */
export async function pmtilesBasemap(url: string, origin: string, timeoutMs = 5000): Promise<StyleSpecification | null> {
  try {
    const archive = new PMTiles(url);
    const header = await withTimeout(archive.getHeader(), timeoutMs);
    const vectorLayers = header.tileType === 1 ? vectorLayerIds(await withTimeout(archive.getMetadata(), timeoutMs)) : [];
    const drawn = pmtilesLayers(url, { tileType: header.tileType, minZoom: header.minZoom, maxZoom: header.maxZoom, vectorLayers });
    if (!drawn) return null;
    if (!protocol) {
      protocol = new Protocol();
      maplibregl.addProtocol('pmtiles', protocol.tile);
    }
    protocol.add(archive);
    return withPmtiles(basemapStyle(origin), drawn);
  } catch (e) {
    console.info('basemap: PMTiles archive unreadable, bundled basemap used:', url, e instanceof Error ? e.message : e);
    return null;
  }
}
