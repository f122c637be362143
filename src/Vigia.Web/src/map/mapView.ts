import maplibregl, { type FilterSpecification, type GeoJSONSource, type LayerSpecification, type Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { Track } from '../api/types';
import type { TrailPoint } from '../state/store';
import { labelText, type FeatureCollection } from './features';
import { iconPixels, type Shape } from './icons';
import { basemapStyle, colours, font, fontBold } from './style';
import type { Packed, PackedArrays } from '../worker/protocol';
import { mercatorX, mercatorY, symbolKindNames, TrackBuffers, type SymbolKindName } from './trackBuffers';
import { TrackLayer } from './trackLayer';

type SourceData = Parameters<GeoJSONSource['setData']>[0];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * The picture's GeoJSON sources, small ones only (the tracks themselves are the WebGL layer's typed arrays):
 * the selected track, and the labels of the tracks labelled (zoomed in); created with the style.
 */
const pictureSources = ['selected', 'labels'] as const;
/** The sensors' sources, created at load (their symbols need the icons added then). */
const sensorSources = ['rings', 'sensors'] as const;
/** Protected zones (outlines, drawn buffers) and the outline being drawn; created at load. */
const zoneSources = ['zones', 'zone-buffers', 'draft'] as const;
type DynamicSource = (typeof pictureSources)[number] | (typeof sensorSources)[number] | (typeof zoneSources)[number];

/**
 * Where the map sends the pointer while a zone is being drawn (instead of selecting tracks): clicks (and
 * whether one hit the first vertex), double-clicks, and press/move/release for dragging a circle's radius.
 */
export interface DrawInput {
  click(lngLat: [number, number], onFirstVertex: boolean): void;
  doubleClick(): void;
  press(lngLat: [number, number]): void;
  move(lngLat: [number, number]): void;
  release(): void;
}

/** Track labels are drawn from this zoom on (and always for the selected track). */
export const labelMinZoom = 13;
/** At most this many tracks are labelled at once (those in view nearest the centre); the selected one always. */
export const maxLabels = 200;
/** How far (px) from a track's symbol a click (mouse) or a tap (finger) still selects it. */
const mousePickRadius = 9;
const touchPickRadius = 16;
/** The WebGL layer that draws the tracks, their trails, vectors, pilots and pilot lines. */
export const pictureLayerId = 'picture';

/** The picture to draw: the store's tracks and trails, the trails' simplification, whether labels are shown. */
export interface PictureInput {
  tracks: Iterable<Track>;
  trails: ReadonlyMap<number, readonly TrailPoint[]>;
  /** Trail simplification (m), about 1.5 px at the current zoom. */
  trailToleranceM: number;
}

/** Metres per pixel of 512 px tiles at `zoom` and latitude `lat`. */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface MapViewOptions {
  center: [number, number];
  zoom: number;
  attribution: string;
  /** A base style from the server (basemap.style_url, already fetched and checked); default the bundled offline basemap. */
  baseStyle?: StyleSpecification | null;
  /** The picture at start-up, packed before the map loads so that it is drawn with the first frames. */
  initial?: PictureInput;
  onSelect: (id: number | null) => void;
  /** Called after the track layer has been given a new picture (the readiness signal of the end-to-end test). */
  onTracksApplied?: (count: number) => void;
  /** Called when a zoom ends on another whole zoom level (the trails' simplification follows it). */
  onZoomLevel?: (zoom: number) => void;
}

/** The selected track's colour by its symbol: manned aircraft, cooperative (Remote ID), unknown. */
const bySymbol = ['match', ['get', 'symbol'], 'manned', colours.manned, 'cooperative', colours.cooperative, colours.unknown] as unknown as string;
/** A zone's colour: its standing alert's level when it has one, else its kind's. */
const zoneColour = [
  'match', ['get', 'level'],
  'alarm', colours.level.alarm,
  'warning', colours.level.warning,
  'advisory', colours.level.advisory,
  ['match', ['get', 'kind'], ...Object.entries(colours.zoneKind).flat(), colours.zoneKind.other],
] as unknown as string;
const hasLevel = ['!=', ['get', 'level'], ''] as unknown as boolean;
const isKind = (kind: string) => ['==', ['get', 'kind'], kind] as unknown as FilterSpecification;

/**
 * The picture's GeoJSON layers, drawn over the WebGL layer (which has trails, pilot lines, vectors, pilots
 * and track symbols): the selection (its full trail, a highlight, a label) and the labels of the tracks
 * labelled once zoomed in.
 */
function pictureLayers(): LayerSpecification[] {
  return [
    { id: 'selected-trail', type: 'line', source: 'selected', filter: isKind('trail'), layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': bySymbol, 'line-width': 3, 'line-opacity': 0.8 } },
    { id: 'selected-track', type: 'circle', source: 'selected', filter: isKind('track'), paint: { 'circle-radius': 10, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': colours.selected, 'circle-stroke-width': 3 } },
    {
      id: 'track-labels',
      type: 'symbol',
      source: 'labels',
      minzoom: labelMinZoom,
      layout: { 'text-field': ['get', 'label'], 'text-font': fontBold, 'text-size': 11, 'text-offset': [0.9, 0], 'text-anchor': 'left', 'text-justify': 'left', 'text-optional': true },
      paint: { 'text-color': '#202124', 'text-halo-color': '#ffffff', 'text-halo-width': 1.4 },
    },
    {
      id: 'selected-label',
      type: 'symbol',
      source: 'selected',
      filter: isKind('track'),
      layout: { 'text-field': ['get', 'label'], 'text-font': fontBold, 'text-size': 12, 'text-offset': [1.1, 0], 'text-anchor': 'left', 'text-justify': 'left', 'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#202124', 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    },
  ];
}

/**
 * The map: the offline basemap, the picture as a WebGL layer fed typed arrays (TrackBuffers, TrackLayer) and
 * drawn on its own canvas over the map's, and a fixed set of small GeoJSON sources created once (the
 * selection and labels with the style, the sensors' and zones' at load). A picture update adopts the arrays
 * the picture worker packed (`adopt`; the sign-in picture is packed here) and redraws the track canvas only
 * (no GeoJSON, no basemap repaint); the `selected` source is set on a selection change, `labels` only while
 * zoomed in; the others only when the App says they changed (the App calls once per animation frame at most).
 */
export class MapView {
  readonly map: MapLibreMap;
  private styleReady = false;
  /** MapLibre's `load` has fired (the readiness signal waits for it, as before). */
  private loaded = false;
  private readonly pending = new Map<DynamicSource, FeatureCollection>();
  private flushing = false;
  private attributionControl: maplibregl.AttributionControl;
  private zoomLevel: number;
  /** Tracks in the picture as last packed (-1 before the first); the end-to-end test reads it. */
  appliedTrackCount = -1;
  /** setData calls made, for the benchmark and tests. */
  updates = 0;
  /** The picture as typed arrays, and the WebGL layer that draws them. */
  readonly buffers = new TrackBuffers();
  /** The worker's arrays the layer draws from now (handed back when the next ones come). */
  private adopted: PackedArrays | null = null;
  private readonly layer: TrackLayer;
  /** Labels are drawn (zoom ≥ labelMinZoom) and the labels source holds something. */
  private labelled = false;
  /** Zone outlines in the zone source as last set (the end-to-end test reads it). */
  appliedZoneCount = 0;
  private drawInput: DrawInput | null = null;
  private drawShape: 'polygon' | 'circle' | null = null;
  /** What each dynamic source was last given: a rebuilt style gets it again. */
  private readonly current = new Map<DynamicSource, FeatureCollection>();
  private replayTint = false;
  /** The map's own handlers are set (once, at the first style load). */
  private handlersSet = false;

  constructor(container: HTMLElement, private readonly options: MapViewOptions) {
    const style = options.baseStyle ?? basemapStyle(location.origin);
    const initial = options.initial;
    style.sources['selected'] = { type: 'geojson', data: empty() as unknown as SourceData };
    style.sources['labels'] = { type: 'geojson', data: empty() as unknown as SourceData };
    style.layers.push(...pictureLayers());
    // The tracks draw on their own canvas over the map's: a picture update repaints that canvas alone.
    const overlay = document.createElement('canvas');
    overlay.className = 'track-overlay';
    overlay.setAttribute('aria-hidden', 'true');
    this.layer = new TrackLayer(pictureLayerId, this.buffers, colours, overlay);
    if (initial) this.buffers.pack(initial.tracks, initial.trails, { trailToleranceM: initial.trailToleranceM });
    this.zoomLevel = Math.floor(options.zoom);
    this.map = new maplibregl.Map({
      container,
      style,
      center: options.center,
      zoom: options.zoom,
      attributionControl: false,
      maxZoom: 17,
      fadeDuration: 0,
    });
    // Beside the map's element, not in it (MapLibre's controls stay above it: they have a z-index).
    container.after(overlay);
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.attributionControl = new maplibregl.AttributionControl({ compact: true, customAttribution: options.attribution });
    this.map.addControl(this.attributionControl, 'bottom-right');
    // MapLibre swallows what its listeners throw: say it (the end-to-end tests fail on a console error).
    // Every style load, not only the first: when MapLibre's WebGL context is lost it destroys its style (the
    // track layer's onRemove) and on restore rebuilds it from a serialisation that leaves custom layers out.
    this.map.on('style.load', () => {
      try {
        this.onStyleLoad();
      } catch (e) {
        console.error('map: the picture could not be set up:', e);
      }
    });
    // No style until the context is back: the sources wait (pending) for the rebuilt style.
    this.map.on('webglcontextlost', () => {
      this.styleReady = false;
    });
    this.map.on('zoomend', () => {
      const level = Math.floor(this.map.getZoom());
      if (level !== this.zoomLevel) {
        this.zoomLevel = level;
        this.options.onZoomLevel?.(level);
      }
    });
    this.map.on('error', (e) => console.warn('map:', e.error?.message ?? e));
  }

  /** Whether track labels are drawn at the current whole zoom level (else the points need none). */
  labelsShown(): boolean {
    return this.zoomLevel >= labelMinZoom;
  }

  /** About a pixel and a half at the current whole zoom level, in metres: the trails' simplification. */
  trailTolerance(): number {
    return 1.5 * metresPerPixel(this.zoomLevel, this.map.getCenter().lat);
  }

  setAttribution(text: string): void {
    this.map.removeControl(this.attributionControl);
    this.attributionControl = new maplibregl.AttributionControl({ compact: true, customAttribution: text });
    this.map.addControl(this.attributionControl, 'bottom-right');
  }

  /**
   * A picture packed by the worker: its arrays become the layer's (no copy) and the map repaints once.
   * Returns the arrays they replace, for the worker to pack into next (null the first time).
   */
  adopt(p: Packed): PackedArrays | null {
    const b = this.buffers;
    const old = this.adopted;
    const a = p.arrays;
    b.points = a.points;
    b.pilots = a.pilots;
    b.lines = a.lines;
    b.lon = a.lon;
    b.lat = a.lat;
    b.h = a.h;
    b.ids = a.ids.subarray(0, p.count);
    b.count = p.count;
    b.pilotCount = p.pilotCount;
    b.lineVertices = p.lineVertices;
    Object.assign(b.ranges.trails, p.ranges.trails);
    Object.assign(b.ranges.vectors, p.ranges.vectors);
    Object.assign(b.ranges.pilotLines, p.ranges.pilotLines);
    b.originX = p.originX;
    b.originY = p.originY;
    b.version++;
    this.adopted = a;
    this.layer.changed();
    this.updateLabels();
    if (this.styleReady) {
      this.appliedTrackCount = b.count;
      if (this.loaded) this.options.onTracksApplied?.(this.appliedTrackCount);
    }
    return old;
  }

  /** The labels of the tracks in view nearest the centre while zoomed in; nothing (once) otherwise. */
  private updateLabels(): void {
    if (!this.labelsShown()) {
      if (this.labelled) {
        this.pending.set('labels', empty());
        this.labelled = false;
        this.schedule();
      }
      return;
    }
    const b = this.buffers;
    const bounds = this.map.getBounds();
    const west = bounds.getWest(), east = bounds.getEast(), south = bounds.getSouth(), north = bounds.getNorth();
    const centre = this.map.getCenter();
    const cx = mercatorX(centre.lng), cy = mercatorY(centre.lat);
    const inView: Array<{ slot: number; d: number }> = [];
    for (let s = 0; s < b.count; s++) {
      const lon = b.lon[s]!, lat = b.lat[s]!;
      if (lon < west || lon > east || lat < south || lat > north) continue;
      inView.push({ slot: s, d: (mercatorX(lon) - cx) ** 2 + (mercatorY(lat) - cy) ** 2 });
    }
    if (inView.length > maxLabels) {
      inView.sort((a, c) => a.d - c.d);
      inView.length = maxLabels;
    }
    const fc: FeatureCollection = { type: 'FeatureCollection', features: [] };
    for (const { slot } of inView) {
      fc.features.push({ type: 'Feature', properties: { id: b.ids[slot]!, label: labelText(b.ids[slot]!, b.h[slot]!) }, geometry: { type: 'Point', coordinates: [b.lon[slot]!, b.lat[slot]!] } });
    }
    this.pending.set('labels', fc);
    this.labelled = true;
    this.schedule();
  }

  /** Ids of the tracks in the WebGL layer's buffers, ascending (the end-to-end test compares them with the API). */
  trackIds(): number[] {
    return Array.from(this.buffers.ids.slice(0, this.buffers.count)).sort((a, c) => a - c);
  }

  /** Where the layer has track `id` ([lon, lat]), or null. */
  trackPosition(id: number): [number, number] | null {
    const s = this.buffers.slotOf(id);
    return s < 0 ? null : [this.buffers.lon[s]!, this.buffers.lat[s]!];
  }

  /** The symbol each track in the layer is drawn with, by id. */
  trackSymbols(): Record<number, SymbolKindName> {
    const out: Record<number, SymbolKindName> = {};
    for (let s = 0; s < this.buffers.count; s++) out[this.buffers.ids[s]!] = symbolKindNames[this.buffers.kindAt(s)]!;
    return out;
  }

  setSelected(features: FeatureCollection): void {
    this.pending.set('selected', features);
    this.schedule();
  }

  setSensors(sensors: FeatureCollection, rings: FeatureCollection): void {
    this.pending.set('sensors', sensors);
    this.pending.set('rings', rings);
    this.schedule();
  }

  /** Protected zones: outlines (filled and outlined by kind, or by a standing alert's level) and drawn buffers. */
  setZones(areas: FeatureCollection, buffers: FeatureCollection): void {
    this.pending.set('zones', areas);
    this.pending.set('zone-buffers', buffers);
    this.schedule();
  }

  /** The outline being drawn (Draft.features), or an empty collection. */
  setDraft(features: FeatureCollection): void {
    this.pending.set('draft', features);
    this.schedule();
  }

  /**
   * Sends the pointer to `input` while a zone is drawn: no track selection, no double-click zoom, and for a
   * circle no panning (a drag sets its radius). `null` gives the map back.
   */
  setDrawing(input: DrawInput | null, shape: 'polygon' | 'circle' | null = null): void {
    this.drawInput = input;
    this.drawShape = input ? shape : null;
    const map = this.map;
    if (input) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    if (input && shape === 'circle') map.dragPan.disable();
    else map.dragPan.enable();
    map.getCanvas().style.cursor = input ? 'crosshair' : '';
  }

  /** The pixel (relative to the map's container) of lon/lat (the end-to-end test clicks there). */
  pixelOf(lon: number, lat: number): { x: number; y: number } {
    const p = this.map.project([lon, lat]);
    return { x: p.x, y: p.y };
  }

  /** A warmer basemap while a replay is shown, so nobody takes it for live (applied again after a style load). */
  setReplayTint(replay: boolean): void {
    this.replayTint = replay;
    if (this.styleReady) this.applyReplayTint();
  }

  private applyReplayTint(): void {
    // Only the bundled basemap has the land fill; over a server's style the map frame's tint (CSS) remains.
    if (this.map.getLayer('world-fill')) this.map.setPaintProperty('world-fill', 'fill-color', this.replayTint ? colours.backgroundReplay : colours.backgroundLive);
  }

  flyTo(center: [number, number], zoom?: number): void {
    this.map.jumpTo(zoom === undefined ? { center } : { center, zoom });
  }

  /** Tracks in the layer's GL buffer as last uploaded to the GPU (-1 before the first upload). */
  async sourceTrackCount(): Promise<number> {
    return this.layer.uploadedCount;
  }

  /** Track symbols drawn in the last frame (the benchmark's "map painted with tracks"). */
  renderedTrackCount(): number {
    return this.layer.drawnCount;
  }

  /** Frames the track layer has drawn (the benchmark counts repaints per update). */
  layerFrames(): number {
    return this.layer.frames;
  }

  /** WebGL contexts the track overlay lost and made again. */
  trackContextLosses(): number {
    return this.layer.contextLosses;
  }

  resize(): void {
    this.map.resize();
  }

  /**
   * Releases the map for good (sign-out, outage screen): the track overlay first (MapLibre's remove() does not
   * call a custom layer's onRemove), then MapLibre's map and its context.
   */
  destroy(): void {
    this.layer.dispose();
    this.map.remove();
  }

  /** The App calls at most once per animation frame: the data goes to the sources at the end of that task. */
  private schedule(): void {
    if (!this.styleReady || this.flushing) return;
    this.flushing = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushing = false;
    if (!this.styleReady) return; // the context was lost meanwhile: the rebuilt style gets what is pending
    const zones = this.pending.get('zones');
    if (zones) this.appliedZoneCount = zones.features.length;
    for (const [name, data] of this.pending) {
      (this.map.getSource(name) as GeoJSONSource | undefined)?.setData(data as unknown as SourceData);
      this.current.set(name, data);
      this.updates++;
    }
    this.pending.clear();
  }

  /**
   * A style has loaded (the first, or one MapLibre rebuilt; the basemap's data may still be on its way): what
   * it lacks of the picture's sources and layers — the track layer above all — is added, each source gets what
   * it was last given, and the map's handlers are set the first time.
   */
  private onStyleLoad(): void {
    const map = this.map;
    for (const name of pictureSources) if (!map.getSource(name)) map.addSource(name, { type: 'geojson', data: empty() as unknown as SourceData });
    for (const layer of pictureLayers()) if (!map.getLayer(layer.id)) map.addLayer(layer);
    if (!map.getLayer(pictureLayerId)) map.addLayer(this.layer, 'selected-trail');
    for (const name of sensorSources) if (!map.getSource(name)) map.addSource(name, { type: 'geojson', data: empty() as unknown as SourceData });
    for (const name of zoneSources) if (!map.getSource(name)) map.addSource(name, { type: 'geojson', data: empty() as unknown as SourceData });
    this.addIcons();
    this.addZoneLayers();
    this.addSensorLayers();
    if (!this.handlersSet) {
      this.handlersSet = true;
      this.setHandlers();
    }
    this.styleReady = true;
    // (A style MapLibre rebuilt keeps the paint property; another style starts live-coloured.)
    if (this.replayTint) this.applyReplayTint();
    // A rebuilt style: its sources get the data they had (anything newer is pending already), the layer its picture.
    for (const [name, data] of this.current) if (!this.pending.has(name)) this.pending.set(name, data);
    this.layer.changed();
    if (this.buffers.version > 0) this.appliedTrackCount = this.buffers.count;
    this.schedule();
  }

  /** Sensors' coverage rings, bearings and symbols, under the picture. */
  private addSensorLayers(): void {
    const map = this.map;
    const add = (layer: LayerSpecification) => {
      if (!map.getLayer(layer.id)) map.addLayer(layer, pictureLayerId);
    };
    const isLine = (line: string) => ['==', ['get', 'line'], line] as unknown as FilterSpecification;
    const bearing = (stale: boolean) => ['all', isLine('bearing'), ['==', ['get', 'stale'], stale]] as unknown as FilterSpecification;
    add({ id: 'sensor-rings', type: 'line', source: 'rings', filter: isLine('ring'), paint: { 'line-color': ['case', ['get', 'radar'], '#2e7d32', '#1565c0'] as unknown as string, 'line-width': 1.2, 'line-dasharray': [4, 3], 'line-opacity': 0.8 } });
    // A direction finder's last bearing: solid while fresh, dashed and faded once older than 10 s.
    add({ id: 'sensor-bearings', type: 'line', source: 'rings', filter: bearing(false), layout: { 'line-cap': 'round' }, paint: { 'line-color': colours.bearing, 'line-width': 2, 'line-opacity': 0.9 } });
    add({ id: 'sensor-bearings-stale', type: 'line', source: 'rings', filter: bearing(true), paint: { 'line-color': colours.bearing, 'line-width': 1.5, 'line-opacity': 0.4, 'line-dasharray': [3, 3] } });
    add({
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
  }

  /** The map's pointer and view handlers (set once: they outlive style reloads). */
  private setHandlers(): void {
    const map = this.map;
    map.on('click', (e) => {
      if (this.drawInput) {
        if (this.drawShape === 'polygon') {
          // (No style while MapLibre's context is lost: no vertex to hit.)
          const first = this.styleReady && map.queryRenderedFeatures([[e.point.x - 6, e.point.y - 6], [e.point.x + 6, e.point.y + 6]], { layers: ['draft-vertices'] })
            .some((f) => f.properties?.['first'] === true);
          this.drawInput.click([e.lngLat.lng, e.lngLat.lat], first);
        }
        return;
      }
      // A finger is less precise than a mouse: a wider reach for a tap.
      const touch = (e.originalEvent as PointerEvent).pointerType === 'touch';
      this.options.onSelect(this.layer.pick(e.point.x, e.point.y, touch ? touchPickRadius : mousePickRadius));
    });
    map.on('dblclick', (e) => {
      if (!this.drawInput) return;
      e.preventDefault();
      this.drawInput.doubleClick();
    });
    map.on('mousedown', (e) => {
      if (this.drawInput && this.drawShape === 'circle' && e.originalEvent.button === 0) this.drawInput.press([e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('mousemove', (e) => {
      if (this.drawInput) this.drawInput.move([e.lngLat.lng, e.lngLat.lat]);
      else map.getCanvas().style.cursor = this.layer.pick(e.point.x, e.point.y, mousePickRadius) === null ? '' : 'pointer';
    });
    // Labels follow the view while zoomed in.
    map.on('moveend', () => this.updateLabels());
    map.on('mouseup', () => {
      if (this.drawInput && this.drawShape === 'circle') this.drawInput.release();
    });
    // A finger on a phone: the same press, drag and release.
    map.on('touchstart', (e) => {
      if (this.drawInput && this.drawShape === 'circle' && e.points.length === 1) this.drawInput.press([e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('touchmove', (e) => {
      if (this.drawInput && this.drawShape === 'circle') this.drawInput.move([e.lngLat.lng, e.lngLat.lat]);
    });
    map.on('touchend', () => {
      if (this.drawInput && this.drawShape === 'circle') this.drawInput.release();
    });
    map.once('load', () => {
      this.loaded = true;
      if (this.appliedTrackCount >= 0) this.options.onTracksApplied?.(this.appliedTrackCount);
    });
  }

  /**
   * Zones under the sensors and the picture: fill, dashed buffer line, outline and name; a zone with a
   * standing alert in its level's colour, fuller and with a thicker outline. The drawing on top of all.
   */
  private addZoneLayers(): void {
    const map = this.map;
    const below = pictureLayerId;
    if (map.getLayer('zone-fill')) return; // a style MapLibre rebuilt has them all
    map.addLayer({ id: 'zone-fill', type: 'fill', source: 'zones', paint: { 'fill-color': zoneColour, 'fill-opacity': ['case', hasLevel, 0.3, 0.12] as unknown as number } }, below);
    map.addLayer({ id: 'zone-buffers', type: 'line', source: 'zone-buffers', paint: { 'line-color': zoneColour, 'line-width': ['case', hasLevel, 2, 1.3] as unknown as number, 'line-dasharray': [3, 3], 'line-opacity': 0.85 } }, below);
    map.addLayer({ id: 'zone-outline', type: 'line', source: 'zones', paint: { 'line-color': zoneColour, 'line-width': ['case', hasLevel, 3.5, 1.6] as unknown as number } }, below);
    map.addLayer({
      id: 'zone-labels',
      type: 'symbol',
      source: 'zones',
      layout: { 'text-field': ['get', 'name'], 'text-font': fontBold, 'text-size': 12, 'text-max-width': 10, 'text-optional': true },
      paint: { 'text-color': zoneColour, 'text-halo-color': '#ffffff', 'text-halo-width': 1.6 },
    }, below);
    const part = (name: string) => ['==', ['get', 'part'], name] as unknown as FilterSpecification;
    map.addLayer({ id: 'draft-area', type: 'fill', source: 'draft', filter: part('area'), paint: { 'fill-color': colours.draft, 'fill-opacity': 0.18 } });
    map.addLayer({ id: 'draft-outline', type: 'line', source: 'draft', filter: part('area'), paint: { 'line-color': colours.draft, 'line-width': 2.5 } });
    map.addLayer({ id: 'draft-line', type: 'line', source: 'draft', filter: part('line'), paint: { 'line-color': colours.draft, 'line-width': 2, 'line-dasharray': [2, 1.5] } });
    map.addLayer({ id: 'draft-buffer', type: 'line', source: 'draft', filter: part('buffer'), paint: { 'line-color': colours.draft, 'line-width': 1.5, 'line-dasharray': [3, 3] } });
    map.addLayer({
      id: 'draft-vertices',
      type: 'circle',
      source: 'draft',
      filter: part('vertex'),
      paint: { 'circle-radius': ['case', ['get', 'first'], 7, 5] as unknown as number, 'circle-color': '#ffffff', 'circle-stroke-color': colours.draft, 'circle-stroke-width': 2.5 },
    });
  }

  private addIcons(): void {
    const shapes: Shape[] = ['diamond', 'triangle', 'square'];
    for (const shape of shapes) {
      for (const [state, colour] of Object.entries(colours.sensor)) {
        const name = `sensor-${shape}-${state}`;
        // A style MapLibre rebuilt after a context loss holds the images but does not list them as available
        // (the sensors would have no symbol): added afresh.
        if (this.map.hasImage(name)) this.map.removeImage(name);
        this.map.addImage(name, iconPixels(shape, colour), { pixelRatio: 1 });
      }
    }
  }
}
