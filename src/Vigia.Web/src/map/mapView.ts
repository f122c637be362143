import maplibregl, { type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection, TrackLayers } from './features';
import { iconPixels, type Shape } from './icons';
import { basemapStyle, colours, font, fontBold } from './style';

type SourceData = Parameters<GeoJSONSource['setData']>[0];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

const dynamicSources = ['rings', 'trails', 'operatorLines', 'vectors', 'operators', 'sensors', 'tracks'] as const;
type DynamicSource = (typeof dynamicSources)[number];

export interface MapViewOptions {
  center: [number, number];
  zoom: number;
  attribution: string;
  onSelect: (id: number | null) => void;
  /** Called after the track source has been given new data (the readiness signal of the end-to-end test). */
  onTracksApplied?: (count: number) => void;
}

/**
 * The map: the offline basemap plus a fixed set of sources and layers for the picture, created once at
 * load. Updates replace the sources' data (setData), at most once per animation frame.
 */
export class MapView {
  readonly map: MapLibreMap;
  private loaded = false;
  private readonly pending = new Map<DynamicSource, FeatureCollection>();
  private frame: number | null = null;
  private attributionControl: maplibregl.AttributionControl;
  /** Features last handed to setTracks (pending until the next frame once the map has loaded). */
  trackFeatureCount = 0;
  /** Features in the track source's data as last set (-1 before the first setData); the end-to-end test reads it. */
  appliedTrackCount = -1;
  /** setData calls made, for the benchmark and tests. */
  updates = 0;

  constructor(container: HTMLElement, private readonly options: MapViewOptions) {
    this.map = new maplibregl.Map({
      container,
      style: basemapStyle(location.origin),
      center: options.center,
      zoom: options.zoom,
      attributionControl: false,
      maxZoom: 17,
      fadeDuration: 0,
    });
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.attributionControl = new maplibregl.AttributionControl({ compact: true, customAttribution: options.attribution });
    this.map.addControl(this.attributionControl, 'bottom-right');
    this.map.on('load', () => this.onLoad());
    this.map.on('error', (e) => console.warn('map:', e.error?.message ?? e));
  }

  setAttribution(text: string): void {
    this.map.removeControl(this.attributionControl);
    this.attributionControl = new maplibregl.AttributionControl({ compact: true, customAttribution: text });
    this.map.addControl(this.attributionControl, 'bottom-right');
  }

  setTracks(layers: TrackLayers): void {
    this.pending.set('tracks', layers.points);
    this.pending.set('vectors', layers.vectors);
    this.pending.set('trails', layers.trails);
    this.pending.set('operators', layers.operators);
    this.pending.set('operatorLines', layers.operatorLines);
    this.trackFeatureCount = layers.points.features.length;
    this.schedule();
  }

  setSensors(sensors: FeatureCollection, rings: FeatureCollection): void {
    this.pending.set('sensors', sensors);
    this.pending.set('rings', rings);
    this.schedule();
  }

  /** A warmer basemap while a replay is shown, so nobody takes it for live. */
  setReplayTint(replay: boolean): void {
    const apply = () => this.map.setPaintProperty('world-fill', 'fill-color', replay ? colours.backgroundReplay : colours.backgroundLive);
    if (this.loaded) apply();
    else this.map.once('load', apply);
  }

  flyTo(center: [number, number], zoom?: number): void {
    this.map.jumpTo(zoom === undefined ? { center } : { center, zoom });
  }

  /** Features in the track source as MapLibre holds them (its own copy of the data, read back). */
  async sourceTrackCount(): Promise<number> {
    const source = this.map.getSource('tracks') as GeoJSONSource | undefined;
    if (!source) return -1;
    const data = (await source.getData()) as { features?: unknown[] };
    return Array.isArray(data.features) ? data.features.length : -1;
  }

  /** Track circles drawn in the current frame (the benchmark's "map painted with tracks"). */
  renderedTrackCount(): number {
    return this.loaded ? this.map.queryRenderedFeatures({ layers: ['tracks'] }).length : 0;
  }

  resize(): void {
    this.map.resize();
  }

  private schedule(): void {
    if (!this.loaded || this.frame !== null) return;
    this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = null;
    const tracks = this.pending.get('tracks');
    for (const [name, data] of this.pending) {
      (this.map.getSource(name) as GeoJSONSource | undefined)?.setData(data as unknown as SourceData);
      this.updates++;
    }
    this.pending.clear();
    if (tracks) {
      this.appliedTrackCount = tracks.features.length;
      this.options.onTracksApplied?.(this.appliedTrackCount);
    }
  }

  private onLoad(): void {
    const map = this.map;
    for (const name of dynamicSources) map.addSource(name, { type: 'geojson', data: empty() as unknown as SourceData });
    this.addIcons();
    const byCooperation = ['case', ['get', 'cooperative'], colours.cooperative, colours.unknown] as unknown as string;
    map.addLayer({ id: 'sensor-rings', type: 'line', source: 'rings', paint: { 'line-color': ['case', ['get', 'radar'], '#2e7d32', '#1565c0'] as unknown as string, 'line-width': 1.2, 'line-dasharray': [4, 3], 'line-opacity': 0.8 } });
    map.addLayer({
      id: 'track-trails',
      type: 'line',
      source: 'trails',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': byCooperation, 'line-width': ['case', ['get', 'selected'], 3, 1.6] as unknown as number, 'line-opacity': 0.55 },
    });
    map.addLayer({ id: 'operator-lines', type: 'line', source: 'operatorLines', paint: { 'line-color': colours.operator, 'line-width': 1.2, 'line-dasharray': [2, 2] } });
    map.addLayer({ id: 'track-vectors', type: 'line', source: 'vectors', paint: { 'line-color': byCooperation, 'line-width': 2 } });
    map.addLayer({
      id: 'operators',
      type: 'circle',
      source: 'operators',
      paint: { 'circle-radius': 5, 'circle-color': '#ffffff', 'circle-stroke-color': colours.operator, 'circle-stroke-width': 2.5 },
    });
    map.addLayer({
      id: 'sensors',
      type: 'symbol',
      source: 'sensors',
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-allow-overlap': true,
        'text-field': ['get', 'id'],
        'text-font': font,
        'text-size': 11,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': '#1b5e20', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    });
    map.addLayer({
      id: 'tracks',
      type: 'circle',
      source: 'tracks',
      paint: {
        'circle-radius': ['case', ['get', 'selected'], 9, 6] as unknown as number,
        'circle-color': byCooperation,
        'circle-stroke-color': ['case', ['get', 'selected'], colours.selected, '#ffffff'] as unknown as string,
        'circle-stroke-width': ['case', ['get', 'selected'], 3, 1.5] as unknown as number,
      },
    });
    map.addLayer({
      id: 'track-labels',
      type: 'symbol',
      source: 'tracks',
      layout: {
        'text-field': ['get', 'label'],
        'text-font': fontBold,
        'text-size': 11,
        'text-offset': [0.9, 0],
        'text-anchor': 'left',
        'text-justify': 'left',
        'text-allow-overlap': false,
        'text-optional': true,
      },
      paint: { 'text-color': '#202124', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    });
    map.on('click', (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: ['tracks'] })[0];
      const id = hit?.properties?.['id'];
      this.options.onSelect(typeof id === 'number' ? id : null);
    });
    map.on('mouseenter', 'tracks', () => (map.getCanvas().style.cursor = 'pointer'));
    map.on('mouseleave', 'tracks', () => (map.getCanvas().style.cursor = ''));
    this.loaded = true;
    this.schedule();
  }

  private addIcons(): void {
    const shapes: Shape[] = ['diamond', 'triangle', 'square'];
    for (const shape of shapes) {
      for (const [state, colour] of Object.entries(colours.sensor)) {
        this.map.addImage(`sensor-${shape}-${state}`, iconPixels(shape, colour), { pixelRatio: 1 });
      }
    }
  }
}
