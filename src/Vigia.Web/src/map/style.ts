import type { StyleSpecification } from 'maplibre-gl';

// The offline basemap: GeoJSON and glyphs bundled with the console (public/basemap, public/glyphs; see
// scripts/build-basemap.mjs). Every URL is on the console's own origin, so no page asks another host.

export const colours = {
  cooperative: '#1565c0',
  unknown: '#d84315',
  /** Manned aircraft (ADS-B, or a sensor that says so): a dark triangle, never a drone's disc. */
  manned: '#263238',
  operator: '#6a1b9a',
  selected: '#ffd600',
  bearing: '#00838f',
  sensor: { up: '#2e7d32', degraded: '#f9a825', down: '#c62828', revoked: '#757575' },
  /** Standing alert levels (also styles.css --advisory, --warning, --alarm). */
  level: { advisory: '#f9a825', warning: '#ef6c00', alarm: '#c62828' },
  /** Protected zones by kind (also the zone list's swatches in styles.css). */
  zoneKind: { village: '#6d4c41', school: '#3949ab', clinic: '#00897b', plant: '#546e7a', prison: '#37474f', stadium: '#558b2f', other: '#757575' } as Record<string, string>,
  /** The outline being drawn. */
  draft: '#e65100',
  backgroundLive: '#e9ecef',
  backgroundReplay: '#efe3cf',
};

const font = ['Noto Sans Regular'];
const fontBold = ['Noto Sans Medium'];

export function basemapStyle(origin: string): StyleSpecification {
  const data = (name: string) => `${origin}/basemap/${name}.geojson`;
  return {
    version: 8,
    glyphs: `${origin}/glyphs/{fontstack}/{range}.pbf`,
    sources: {
      world: { type: 'geojson', data: data('world-50m') },
      states: { type: 'geojson', data: data('mexico-admin1') },
      municipalities: { type: 'geojson', data: data('michoacan-municipalities') },
      jalisco: { type: 'geojson', data: data('jalisco-neighbour-municipalities') },
      lakes: { type: 'geojson', data: data('lakes-region') },
      rivers: { type: 'geojson', data: data('rivers-region') },
      builtUp: { type: 'geojson', data: data('locality-areas-45km') },
      localities: { type: 'geojson', data: data('localities-40km') },
      places: { type: 'geojson', data: data('places-mx') },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#c9dbe6' } },
      { id: 'world-fill', type: 'fill', source: 'world', paint: { 'fill-color': colours.backgroundLive } },
      { id: 'world-line', type: 'line', source: 'world', paint: { 'line-color': '#9aa0a6', 'line-width': 0.8 } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#a9c9e0' } },
      { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#7fa9c9', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.6, 12, 2] } },
      { id: 'municipalities-line', type: 'line', source: 'municipalities', minzoom: 7, paint: { 'line-color': '#b0b6bc', 'line-width': 0.6, 'line-dasharray': [3, 2] } },
      { id: 'jalisco-line', type: 'line', source: 'jalisco', minzoom: 7, paint: { 'line-color': '#b0b6bc', 'line-width': 0.6, 'line-dasharray': [3, 2] } },
      { id: 'states-line', type: 'line', source: 'states', paint: { 'line-color': '#80868b', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 10, 1.6] } },
      { id: 'built-up-fill', type: 'fill', source: 'builtUp', minzoom: 8, paint: { 'fill-color': '#f4b183', 'fill-opacity': 0.55 } },
      { id: 'built-up-line', type: 'line', source: 'builtUp', minzoom: 9, paint: { 'line-color': '#c55a11', 'line-width': 0.8 } },
      {
        id: 'municipality-labels',
        type: 'symbol',
        source: 'municipalities',
        minzoom: 8,
        maxzoom: 11,
        layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 11 },
        paint: { 'text-color': '#9e9e9e', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
      },
      {
        id: 'locality-labels',
        type: 'symbol',
        source: 'localities',
        minzoom: 10,
        layout: { 'text-field': ['get', 'name'], 'text-font': font, 'text-size': 11, 'text-offset': [0, 0.8], 'text-anchor': 'top' },
        paint: { 'text-color': '#5f6368', 'text-halo-color': '#ffffff', 'text-halo-width': 1 },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        maxzoom: 10,
        filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 2, 5, 5, 7, 10]],
        layout: { 'text-field': ['get', 'name'], 'text-font': fontBold, 'text-size': 12 },
        paint: { 'text-color': '#3c4043', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
      },
    ],
  };
}

export { font, fontBold };
