import { ApiClient, ApiError } from './api/client';
import type { AlertEvent, Mode, Picture, Replay, ReplayEvent, SensorsEvent, ServerInfo, Track, ZoneCollection, ZoneFeature } from './api/types';
import { initLanguage, language, languageStorageKey, onLanguageChange, setLanguage, t, type Key, type Lang } from './i18n/i18n';
import { chooseBasemap, fetchBaseStyle } from './map/basemap';
import { selectedFeatures, sensorFeatures, type FeatureCollection } from './map/features';
import type { MapView } from './map/mapView';
import { zoneFeatures } from './map/zones';

type MapModule = typeof import('./map/mapView');
import { ReplayController } from './replay/replay';
import { AlertStore, liveAlarmBehindReplay, type Cue } from './state/alerts';
import type { Draft } from './state/draft';
import { SensorStore } from './state/sensors';
import { TrackStore, type TrailPoint } from './state/store';
import { Backoff } from './stream/backoff';
import { ReopenWatch, type ConnectionStatus } from './stream/stream';
import { AlarmScheduler, WebAudioPlayer } from './ui/alarm';
import { AlertBanner, AlertPanel } from './ui/alertPanel';
import { clear, h, translate } from './ui/dom';
import { IdentityCard } from './ui/identityCard';
import { ReplayPanel } from './ui/replayPanel';
import { SensorPanel } from './ui/sensorPanel';
import { TrackList } from './ui/trackList';
import { ZonePanel } from './ui/zonePanel';
import { transferables, type Frame, type FromWorker, type ListSlice, type ToWorker, type View } from './worker/protocol';

const keyStorage = 'vigia.key';
/** Tepalcatepec, Michoacán (INEGI 160890001): the map's centre when the server does not say. */
const defaultCentre: [number, number] = [-102.8437, 19.1914];
const panelIntervalMs = 250;

type Tab = 'tracks' | 'alerts' | 'zones' | 'sensors' | 'replay';
/** The key's rights as far as the console knows: null until known; `unsure` when the server's answer said neither. */
type Role = 'operator' | 'viewer' | 'unsure' | null;
/** Zones are fetched again this often (ms): another operator's edits have no stream event. */
const zonePollMs = 60_000;
const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** The picture as the main thread knows it: what the worker's last frames said. */
interface PictureState {
  source: 'live' | 'replay';
  serial: number;
  version: number;
  mode: Mode;
  time: number;
  receivedAt: number;
  total: number;
  list: ListSlice;
  selected: { id: number | null; track: Track | null; trail: TrailPoint[] | null };
  /** Bumped when the list or the selection changed (the panels redraw then). */
  shown: number;
}

const emptyPicture = (): PictureState => ({
  source: 'live', serial: 0, version: 0, mode: 'live', time: Number.NaN, receivedAt: Number.NaN, total: 0,
  list: { order: new Float64Array(0), start: 0, rows: [] }, selected: { id: null, track: null, trail: null }, shown: 0,
});

/** The data clock as the worker last reported it: live runs on with the wall clock, replay stands. */
function dataNow(p: PictureState, wallNow: number): number {
  if (Number.isNaN(p.time)) return Number.NaN;
  return p.mode === 'live' ? p.time + Math.max(0, wallNow - p.receivedAt) : p.time;
}

/** What the end-to-end test reads (window.vigia): the map source and the list, counted. */
export interface TestHooks {
  /** True once the map has loaded and its track source has received the picture (also `data-ready` on <html>). */
  ready: boolean;
  /** Tracks in the map's WebGL track layer as last packed by the console. */
  mapTrackCount(): number;
  /** Tracks in the track layer's GL buffer as last uploaded to the GPU. */
  sourceTrackCount(): Promise<number>;
  /** Ids of the tracks in the track layer, ascending. */
  mapTrackIds(): number[];
  /** The symbol each track in the layer is drawn with, by id: `cooperative`, `unknown` or `manned`. */
  mapTrackSymbols(): Record<number, string>;
  /** Where the layer has track `id` ([lon, lat]), or null. */
  mapTrackPosition(id: number): [number, number] | null;
  /** Picture updates applied to the map since sign-in (the benchmark waits on it). */
  mapUpdates(): number;
  /** Track symbols drawn in the map's last frame. */
  renderedTrackCount(): number;
  /** Frames the track layer has drawn (repaints). */
  mapFrames(): number;
  /** WebGL contexts the track overlay lost (and made again once restored). */
  trackContextLosses(): number;
  listTrackIds(): number[];
  /** Ids of the picture's tracks, ascending (the picture worker keeps the store: these are the ids it last packed). */
  storeTrackIds(): number[];
  connection(): string;
  mode(): string;
  /** Standing alert ids as the store holds them, most severe first. */
  alertIds(): string[];
  /** Zone ids as last fetched. */
  zoneIds(): string[];
  /** Zone outlines last set on the map's zone source. */
  mapZoneCount(): number;
  /** The pixel of lon/lat relative to the map's container (the test clicks there to draw). */
  pixelOf(lon: number, lat: number): { x: number; y: number } | null;
  /** The alarm sound: its state (`on`, `muted`, `blocked`) and how many tones have played. */
  sound(): { state: string; played: number };
  /** What the console knows of the key's rights. */
  role(): string;
}

/**
 * The console: sign-in, then the live picture (REST snapshot + event stream), panels and replay. It
 * shows what the API and stream say; the only state it keeps of its own is trails and the selection. The
 * streams, stores and packing run in the picture worker (src/worker); this thread shows its frames.
 */
export class App {
  private api: ApiClient | null = null;
  /** The picture worker (streams, stores, packing), one per sign-in; and what its frames said. */
  private worker: Worker | null = null;
  private picture: PictureState = emptyPicture();
  private replaying = false;
  /** The view as last sent to the worker. */
  private sentView = '';
  private drawnShown = -1;
  private readonly sensors = new SensorStore();
  private readonly alerts = new AlertStore();
  /** The replayed alerts (shown instead of the live ones while a replay is on screen). */
  private readonly replayAlerts = new AlertStore();
  private zones: ZoneFeature[] = [];
  private zonesKey = '';
  private zonesVersion = 0;
  private zonesFetchedAt = 0;
  private role: Role = null;
  private roleAsked = false;
  private readonly player = new WebAudioPlayer();
  private readonly alarm = new AlarmScheduler(this.player, safeLocalStorage());
  private cues: Cue[] = [];
  /** The zone outline being drawn (zones panel), and the zone it replaces on the map while edited. */
  private draft: Draft | null = null;
  private draftBuffer = 0;
  private hiddenZone: string | null = null;
  private drawnZoneKey = '';
  private drawnDraft = -1;
  private replay: ReplayController | null = null;
  private map: MapView | null = null;
  private info: ServerInfo | null = null;
  /** Sensor features are due a re-check against the clock (a bearing may have become stale). */
  private sensorClockDue = false;
  private selected: number | null = null;
  private frame: number | null = null;
  private lastPanels = 0;
  private panelTimer: ReturnType<typeof setTimeout> | null = null;
  private tick: ReturnType<typeof setInterval> | null = null;
  private trackUpdates = 0;
  private drawnSensors = -1;
  private drawnSelection: number | null = null;
  private drawnTolerance = Number.NaN;
  private drawnLabels = false;
  private drawnSensorKey = '';
  /** What the panels last showed (store, versions, selection, tab, language, query): unchanged → no redraw. */
  private panelKey = '';
  private sensorPanelKey = '';
  private alertPanelKey = '';
  private zonePanelKey = '';
  private bannerKey = '';
  private tab: Tab = 'tracks';
  private connection: ConnectionStatus = { state: 'idle', attempts: 0 };
  /** Tells when the live stream opened again after being down (the standing alerts are read again then). */
  private reopenWatch = new ReopenWatch();
  private unreachableRetry: ReturnType<typeof setTimeout> | null = null;
  private readonly unreachableBackoff = new Backoff(2000, 30_000);

  // Console elements, built once per sign-in.
  private root: HTMLElement;
  private trackList: TrackList | null = null;
  private card: IdentityCard | null = null;
  private sensorPanel: SensorPanel | null = null;
  private replayPanel: ReplayPanel | null = null;
  private connectionEl: HTMLElement | null = null;
  private outageEl: HTMLElement | null = null;
  private replayBanner: HTMLElement | null = null;
  private liveAlarmBanner: HTMLElement | null = null;
  private exerciseBanner: HTMLElement | null = null;
  private alertPanel: AlertPanel | null = null;
  private alertBanner: AlertBanner | null = null;
  private zonePanel: ZonePanel | null = null;
  private soundButton: HTMLButtonElement | null = null;
  private alertTab: HTMLElement | null = null;

  readonly hooks: TestHooks;

  constructor(root: HTMLElement) {
    this.root = root;
    initLanguage(sessionStorage.getItem(languageStorageKey) ?? localStorage.getItem(languageStorageKey), navigator.languages ?? [navigator.language]);
    document.documentElement.lang = language();
    onLanguageChange((lang) => {
      document.documentElement.lang = lang;
      document.title = t('app.title');
      translate(document.body);
      this.map?.setAttribution(attributionHtml());
      this.renderPanels(true);
      this.renderConnection();
    });
    document.title = t('app.title');
    this.hooks = {
      ready: false,
      mapTrackCount: () => this.map?.appliedTrackCount ?? -1,
      sourceTrackCount: () => this.map?.sourceTrackCount() ?? Promise.resolve(-1),
      mapUpdates: () => this.trackUpdates,
      mapTrackIds: () => this.map?.trackIds() ?? [],
      mapTrackSymbols: () => this.map?.trackSymbols() ?? {},
      mapTrackPosition: (id) => this.map?.trackPosition(id) ?? null,
      renderedTrackCount: () => this.map?.renderedTrackCount() ?? 0,
      mapFrames: () => this.map?.layerFrames() ?? 0,
      trackContextLosses: () => this.map?.trackContextLosses() ?? 0,
      listTrackIds: () => this.trackList?.shownIds ?? [],
      storeTrackIds: () => this.map?.trackIds() ?? [],
      connection: () => this.connection.state,
      mode: () => (this.replaying ? 'replay' : 'live'),
      alertIds: () => this.shownAlerts.sorted().map((a) => a.id),
      zoneIds: () => this.zones.map((z) => z.properties.id),
      mapZoneCount: () => this.map?.appliedZoneCount ?? -1,
      pixelOf: (lon, lat) => this.map?.pixelOf(lon, lat) ?? null,
      sound: () => ({ state: this.alarm.state, played: this.alarm.played }),
      role: () => this.role ?? 'unknown',
    };
    // Browsers allow sound only after the user has interacted with the page: the first click or key unlocks it.
    const unlock = () => {
      if (!this.player.ready) void this.player.unlock().then(() => this.renderSound());
    };
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
  }

  start(): void {
    const key = sessionStorage.getItem(keyStorage);
    if (key) void this.signIn(key, null);
    else this.showSignIn(null);
  }

  // ---- sign-in, outage ----------------------------------------------------------------------------

  private showSignIn(message: Key | null, detail?: string): void {
    this.teardown();
    const input = h('input', { type: 'password', name: 'key', id: 'key', autocomplete: 'current-password', required: true, spellcheck: 'false', autofocus: true });
    const error = h('p', { class: 'error', role: 'alert', hidden: message === null }, message ? t(message, { detail: detail ?? '' }) : '');
    if (message) error.dataset['i18n'] = message;
    const submit = h('button', { type: 'submit', class: 'primary', i18n: 'signin.submit' });
    const form = h('form', { class: 'signin', onSubmit: (e) => {
      e.preventDefault();
      const key = input.value.trim();
      const problem: Key | null = key === '' ? 'signin.empty' : key.startsWith('vgk_') ? null : 'signin.notKey';
      if (problem) {
        error.hidden = false;
        error.dataset['i18n'] = problem;
        error.textContent = t(problem);
        return;
      }
      // The sign-in click is the user gesture that lets the alarm sound later.
      void this.player.unlock();
      submit.disabled = true;
      submit.dataset['i18n'] = 'signin.checking';
      submit.textContent = t('signin.checking');
      void this.signIn(key, form);
    } },
      h('h1', {}, h('span', { class: 'brand' }, 'Vigía')),
      h('p', { class: 'tagline', i18n: 'app.tagline' }),
      h('h2', { i18n: 'signin.title' }),
      h('p', { i18n: 'signin.prompt' }),
      h('label', { for: 'key', i18n: 'signin.key' }),
      input,
      error,
      submit,
      languageSwitch());
    this.root.replaceChildren(h('main', { class: 'screen' }, form));
    input.focus();
  }

  private showUnreachable(key: string, detail: string): void {
    this.teardown();
    const delay = this.unreachableBackoff.next();
    const due = Date.now() + delay;
    const countdown = h('p', { class: 'countdown' });
    const update = () => (countdown.textContent = t('unreachable.next', { s: Math.max(0, Math.ceil((due - Date.now()) / 1000)) }));
    update();
    const timer = setInterval(update, 500);
    const retry = () => {
      clearInterval(timer);
      if (this.unreachableRetry) clearTimeout(this.unreachableRetry);
      this.unreachableRetry = null;
      void this.signIn(key, null);
    };
    this.unreachableRetry = setTimeout(retry, delay);
    this.root.replaceChildren(h('main', { class: 'screen' }, h('div', { class: 'outage', role: 'alert' },
      h('h1', { i18n: 'unreachable.title' }),
      h('p', { i18n: 'unreachable.body' }),
      h('p', { class: 'detail' }, detail),
      countdown,
      h('button', { type: 'button', class: 'primary', i18n: 'unreachable.retry', onClick: retry }),
      h('button', { type: 'button', i18n: 'signout', onClick: () => this.signOut(null) }),
      languageSwitch())));
  }

  private async signIn(key: string, form: HTMLFormElement | null): Promise<void> {
    const api = new ApiClient(key);
    // The map's code (MapLibre, most of the JavaScript) loads while the API answers; info and sensors are
    // asked at the same time as the picture (they are optional: a server without /api/v1/info, or a
    // sensors call that fails, still shows tracks).
    const mapModule = loadMapModule();
    const askedAt = Date.now();
    const rest = Promise.allSettled([api.info(), api.sensors(), api.alerts(), api.zones()]);
    let picture: Picture;
    try {
      picture = await api.tracks();
    } catch (e) {
      this.onApiError(e, key, form);
      return;
    }
    sessionStorage.setItem(keyStorage, key);
    this.unreachableBackoff.reset();
    this.api = api;
    const [info, sensors, alerts, zones] = await rest;
    this.info = info.status === 'fulfilled' ? info.value : null;
    if (sensors.status === 'fulfilled') this.sensors.apply(sensors.value);
    if (alerts.status === 'fulfilled') this.alerts.replace(alerts.value, askedAt);
    if (zones.status === 'fulfilled') this.setZones(zones.value);
    this.zonesFetchedAt = Date.now();
    this.role = roleOf(this.info?.role);
    // The picture goes into the map's style, so it loads together with the basemap (packed here once; the
    // worker packs every later one).
    const initial = new TrackStore();
    initial.applySnapshot(picture, Date.now());
    await this.showConsole(await mapModule, initial);
    if (!this.map) return;
    this.startWorker(picture);
    this.scheduleRender();
  }

  private onApiError(e: unknown, key: string, form: HTMLFormElement | null): void {
    if (e instanceof ApiError) {
      if (e.failure === 'unauthorized') return this.signOut(form || !this.api ? 'signin.rejected' : 'signin.expired');
      if (e.failure === 'forbidden') return this.signOut('signin.forbidden');
      if (e.failure === 'unreachable') return this.showUnreachable(key, e.message);
      return this.showSignIn('error.http', e.message);
    }
    this.showSignIn('error.http', String(e));
  }

  private signOut(message: Key | null): void {
    sessionStorage.removeItem(keyStorage);
    this.api = null;
    this.showSignIn(message);
  }

  /** Stops streams and timers and forgets the picture (sign-out, outage screen). */
  private teardown(): void {
    this.worker?.terminate();
    this.worker = null;
    this.replaying = false;
    this.picture = emptyPicture();
    this.sentView = '';
    this.drawnShown = -1;
    this.replay = null;
    if (this.tick) clearInterval(this.tick);
    if (this.unreachableRetry) clearTimeout(this.unreachableRetry);
    if (this.panelTimer) clearTimeout(this.panelTimer);
    this.tick = this.unreachableRetry = this.panelTimer = null;
    this.map?.destroy();
    this.map = null;
    this.alerts.clear();
    this.replayAlerts.clear();
    this.zones = [];
    this.zonesKey = '';
    this.role = null;
    this.roleAsked = false;
    this.cues = [];
    this.draft = null;
    this.hiddenZone = null;
    this.drawnZoneKey = '';
    this.drawnDraft = -1;
    this.alertPanelKey = this.zonePanelKey = this.bannerKey = '';
    this.selected = null;
    this.setReady(false);
    this.trackUpdates = 0;
    this.drawnSensors = -1;
    this.drawnSensorKey = this.panelKey = this.sensorPanelKey = '';
  }

  // ---- the console -----------------------------------------------------------------------------

  private async showConsole({ MapView, metresPerPixel }: MapModule, store: TrackStore): Promise<void> {
    const api = this.api!;
    this.replay = new ReplayController(api, () => {
      this.onReplayChange();
    });
    this.trackList = new TrackList((id) => this.select(id), () => {
      this.sendView();
      this.renderPanels(true);
    }, () => this.sendView());
    this.card = new IdentityCard(() => this.select(null));
    this.sensorPanel = new SensorPanel();
    this.alertPanel = new AlertPanel({
      acknowledge: (id) => api.acknowledge(id),
      history: (id) => api.alertHistory(id),
      selectTrack: (id) => this.selectFromAlert(id),
      acknowledged: (alert) => this.onAlert({ change: 'acknowledged', alert }),
      forbidden: () => this.setRole('viewer'),
      unauthorized: () => this.signOut('signin.expired'),
    });
    this.alertBanner = new AlertBanner(() => this.showTab('alerts'));
    this.zonePanel = new ZonePanel({
      create: (zone) => api.createZone(zone),
      update: (id, zone) => api.updateZone(id, zone),
      remove: (id) => api.deleteZone(id),
      history: (id) => api.zoneHistory(id),
      reload: () => this.refreshZones(true),
      drawing: (draft, hide) => this.setDrawing(draft, hide),
      draftChanged: (buffer) => {
        this.draftBuffer = buffer;
        this.drawnDraft = -1;
        this.scheduleRender();
      },
      forbidden: () => this.setRole('viewer'),
      unauthorized: () => this.signOut('signin.expired'),
    });
    this.soundButton = h('button', { type: 'button', class: 'sound', onClick: () => void this.toggleSound() });
    this.replayPanel = new ReplayPanel(this.replay, {
      start: (from, to, speed) => void this.startReplay(from, to, speed),
      leave: () => void this.leaveReplay(),
      run: (action) => void action().catch((e: unknown) => this.onApiError(e, sessionStorage.getItem(keyStorage) ?? '', null)),
      seek: (to) => this.seekReplay(to),
    });
    this.connectionEl = h('span', { class: 'connection', role: 'status', 'aria-live': 'polite' });
    this.outageEl = h('div', { class: 'outage-bar', role: 'alert', hidden: true });
    this.replayBanner = h('div', { class: 'replay-banner', role: 'status', hidden: true, i18n: 'replay.banner' });
    this.liveAlarmBanner = h('div', { class: 'live-alarm-banner', role: 'alert', hidden: true },
      h('span', { i18n: 'replay.liveAlarm' }),
      h('button', { type: 'button', i18n: 'replay.backToLive', onClick: () => void this.leaveReplay() }));
    this.exerciseBanner = h('div', { class: 'exercise-banner', role: 'status', hidden: this.info?.exercise !== true, i18n: 'exercise.banner' });
    const tabs = h('nav', { class: 'tabs', role: 'tablist' });
    const sections: Record<Tab, HTMLElement> = {
      tracks: h('div', { class: 'tab-body tracks', role: 'tabpanel' }, this.card.element, this.trackList.element),
      alerts: h('div', { class: 'tab-body', role: 'tabpanel', hidden: true }, this.alertPanel.element),
      zones: h('div', { class: 'tab-body', role: 'tabpanel', hidden: true }, this.zonePanel.element),
      sensors: h('div', { class: 'tab-body', role: 'tabpanel', hidden: true }, this.sensorPanel.element),
      replay: h('div', { class: 'tab-body', role: 'tabpanel', hidden: true }, this.replayPanel.element),
    };
    const tabKeys: Record<Tab, Key> = { tracks: 'tab.tracks', alerts: 'tab.alerts', zones: 'tab.zones', sensors: 'tab.sensors', replay: 'tab.replay' };
    const panel = h('aside', { class: 'panel' });
    for (const tab of Object.keys(sections) as Tab[]) {
      const button = tab === 'alerts'
        ? h('button', { type: 'button', role: 'tab', 'data-tab': tab }, h('span', { i18n: tabKeys[tab] }), h('span', { class: 'badge', hidden: true }))
        : h('button', { type: 'button', role: 'tab', 'data-tab': tab, i18n: tabKeys[tab] });
      button.setAttribute('aria-selected', tab === this.tab ? 'true' : 'false');
      button.addEventListener('click', () => {
        this.tab = tab;
        panel.classList.remove('collapsed');
        for (const [name, body] of Object.entries(sections)) body.hidden = name !== tab;
        tabs.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', b.dataset['tab'] === tab ? 'true' : 'false'));
        document.body.dataset['panelTab'] = tab;
        this.alertPanelKey = this.zonePanelKey = '';
        this.renderPanels(true);
      });
      if (tab === 'alerts') this.alertTab = button;
      tabs.append(button);
    }
    for (const [name, body] of Object.entries(sections)) body.hidden = name !== this.tab;
    document.body.dataset['panelTab'] = this.tab;
    const toggle = h('button', { type: 'button', class: 'sheet-toggle', i18nTitle: 'panel.toggle', onClick: () => {
      panel.classList.toggle('collapsed');
      this.map?.resize();
    } }, '▾');
    panel.append(h('div', { class: 'panel-head' }, tabs, toggle), ...Object.values(sections));
    const mapEl = h('div', { id: 'map', class: 'map' });
    const header = h('header', { class: 'topbar' },
      h('span', { class: 'brand' }, 'Vigía'),
      this.connectionEl,
      h('span', { class: 'spacer' }),
      this.soundButton,
      languageSwitch(),
      h('button', { type: 'button', class: 'signout', i18n: 'signout', onClick: () => this.signOut(null) }));
    this.root.replaceChildren(h('div', { class: 'console' }, header, this.exerciseBanner, this.replayBanner, this.liveAlarmBanner, this.outageEl,
      h('div', { class: 'workspace' }, h('div', { class: 'map-wrap' }, mapEl, legend(), this.alertBanner.element), panel)));
    this.renderSound();

    // A server's basemap style when it names one and it loads; else the bundled one (with a notice when
    // the server's style could not be used), with the server's PMTiles archive under it when it offers one
    // and it can be read (silently without it otherwise).
    const basemap = chooseBasemap(this.info, location.origin);
    const baseStyle =
      basemap.kind === 'style'
        ? await fetchBaseStyle(basemap.url, `${location.origin}/glyphs/{fontstack}/{range}.pbf`)
        : basemap.kind === 'pmtiles'
          ? await import('./map/pmtiles').then((m) => m.pmtilesBasemap(basemap.url, location.origin)).catch(() => null)
          : null;
    if (!this.api || !mapEl.isConnected) return; // signed out while the style was on its way
    if ((basemap.kind === 'style' && !baseStyle) || (basemap.kind === 'bundled' && basemap.notice === 'invalid')) {
      if (basemap.kind === 'style') console.info('basemap: style unavailable, bundled basemap used:', basemap.url);
      mapEl.parentElement?.append(h('div', { class: 'basemap-notice', role: 'status', i18n: 'map.basemapFallback' }));
    }
    const origin = this.info?.origin;
    const centre: [number, number] = origin && Number.isFinite(origin.lon) && Number.isFinite(origin.lat) ? [origin.lon, origin.lat] : defaultCentre;
    const zoom = 11;
    const tolerance = 1.5 * metresPerPixel(zoom, centre[1]);
    this.map = new MapView(mapEl, {
      center: centre,
      zoom,
      attribution: attributionHtml(),
      baseStyle,
      initial: { tracks: store.tracks.values(), trails: store.trails, trailToleranceM: tolerance },
      onSelect: (id) => this.select(id),
      onZoomLevel: () => this.scheduleRender(),
      onTracksApplied: () => {
        this.trackUpdates++;
        if (!this.hooks.ready) this.setReady(true);
      },
    });
    this.drawnTolerance = tolerance;

    this.drawnZoneKey = '';
    this.drawnDraft = -1;
    this.tick = setInterval(() => this.onTick(), 1000);
    this.renderConnection();
  }

  /**
   * Starts the picture worker: it connects the live stream (same key, backoff, stall and error handling as
   * before), keeps the stores and packs the map's arrays; the main thread applies its frames.
   */
  private startWorker(picture: Picture): void {
    const api = this.api!;
    const worker = new Worker(new URL('./worker/picture.worker.ts', import.meta.url), { type: 'module' });
    this.worker = worker;
    this.reopenWatch = new ReopenWatch();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (this.worker !== worker) return;
      this.onWorker(e.data);
    };
    worker.onerror = (e) => console.error('picture worker:', e.message);
    this.post({ type: 'start', url: api.streamUrl('/api/v1/stream'), picture, now: Date.now() });
    this.sendView();
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker?.postMessage(message, transfer);
  }

  /** What the main thread shows, for the worker (sent only when it changed). */
  private sendView(): void {
    if (!this.worker || !this.trackList) return;
    const view: View = {
      query: this.trackList.query,
      start: this.trackList.window.start,
      end: this.trackList.window.end,
      selected: this.selected,
      trailToleranceM: this.drawnTolerance,
    };
    const key = JSON.stringify(view);
    if (key === this.sentView) return;
    this.sentView = key;
    this.post({ type: 'view', view });
  }

  private onWorker(m: FromWorker): void {
    switch (m.type) {
      case 'frame':
        this.onFrame(m);
        break;
      case 'status':
        this.onStatus(m.status);
        break;
      case 'drop':
        void this.probe();
        break;
      case 'event':
        if (m.source === 'live' && m.name === 'sensors') {
          this.sensors.apply(m.data as SensorsEvent);
          this.scheduleRender();
        } else if (m.source === 'live' && m.name === 'alert') this.onAlert(m.data as AlertEvent);
        else if (m.source === 'replay' && m.name === 'replay') this.replay?.onReplay((m.data as ReplayEvent).replay);
        else if (m.source === 'replay' && (m.name === 'alert' || m.name === 'alerts')) this.onReplayAlerts(m.name, m.data);
        break;
      case 'bad':
        console.warn(`${m.source === 'live' ? 'stream' : 'replay stream'}: bad ${m.name} event`, m.error);
        break;
    }
  }

  /** A frame: the packed arrays go to the map at once (the old ones back to the worker), the rest to the panels. */
  private onFrame(f: Frame): void {
    const p = this.picture;
    p.source = f.source;
    p.serial = f.serial;
    p.version = f.version;
    p.mode = f.mode;
    p.time = f.time;
    p.receivedAt = f.receivedAt;
    p.total = f.total;
    if (f.list) p.list = f.list;
    if (f.selected) p.selected = f.selected;
    if (f.list || f.selected) p.shown++;
    if (f.packed && this.map) {
      const old = this.map.adopt(f.packed);
      if (old) this.post({ type: 'arrays', arrays: old }, transferables(old));
    }
    this.scheduleRender();
    // An answer to the page's own view (a scroll, a sort, a selection): shown now, not at the panels' next turn.
    if (!f.packed && (f.list || f.selected)) this.renderPanels(true);
  }

  private onStatus(s: ConnectionStatus): void {
    // (The stream reports `connecting` between `reconnecting` and `open`: the watch remembers the drop.)
    const reopened = this.reopenWatch.next(s.state);
    this.connection = s;
    this.renderConnection();
    const api = this.api;
    if (reopened && api) {
      void api.sensors().then((list) => {
        if (this.api === api) this.sensors.apply(list);
      }, () => undefined);
      // Alerts that cleared while the stream was down send nothing more: the standing list replaces the held one
      // (so a cleared alert leaves the banner, the panel and the zones, and its alarm stops repeating).
      const askedAt = Date.now();
      void api.alerts().then((list) => {
        if (this.api !== api) return;
        this.alerts.replace(list, askedAt);
        this.alertPanel?.refreshOpenTimelines();
        this.scheduleRender();
        this.renderPanels(false);
      }, () => undefined);
      void this.refreshZones(false).catch(() => undefined);
    }
  }

  /** After a drop: a revoked key sends the user to sign-in; anything else just waits for the reconnect. */
  private async probe(): Promise<void> {
    try {
      await this.api?.tracks();
    } catch (e) {
      if (e instanceof ApiError && (e.failure === 'unauthorized' || e.failure === 'forbidden')) this.signOut('signin.expired');
    }
  }

  // ---- alerts, zones, sound -------------------------------------------------------------------

  /** The alerts the panels and the map show: the live ones, or during a replay the replayed ones. */
  private get shownAlerts(): AlertStore {
    return this.replaying ? this.replayAlerts : this.alerts;
  }

  /**
   * A replay's alerts, as the journal had them: `alerts` lists those standing where playback (re)starts, `alert`
   * is one journalled version as the replay's clock passes it. Never a sound, never an acknowledgement.
   */
  private onReplayAlerts(name: string, data: unknown): void {
    if (name === 'alerts') {
      const list = (data as { alerts?: unknown } | null)?.alerts;
      this.replayAlerts.clear();
      this.replayAlerts.replace(Array.isArray(list) ? list : [], Date.now());
    } else this.replayAlerts.apply(data as AlertEvent, Date.now());
    this.alertPanel?.refreshOpenTimelines();
    this.scheduleRender();
    this.renderPanels(false);
  }

  /**
   * One alert change (stream, or the answer to an acknowledgement). Its cue sounds at once (not on the next
   * animation frame: a hidden tab has none), with the other cues of the same task as one tone.
   */
  private onAlert(event: AlertEvent): void {
    const cue = this.alerts.apply(event, Date.now());
    if (cue) {
      if (this.cues.length === 0) queueMicrotask(() => {
        const cues = this.cues;
        this.cues = [];
        this.alarm.cue(cues, Date.now());
        this.renderSound();
      });
      this.cues.push(cue);
    }
    // A zone this console has not fetched yet (another operator's): fetch the zones again, at most every 5 s.
    const zone = event?.alert?.zone_id;
    if (zone && !this.zones.some((z) => z.properties.id === zone) && Date.now() - this.zonesFetchedAt > 5000) void this.refreshZones(false).catch(() => undefined);
    this.alertPanel?.refreshOpenTimelines();
    this.scheduleRender();
    this.renderPanels(false);
  }

  /** Zones from GET /api/v1/zones; the version moves only when they changed. */
  private setZones(collection: ZoneCollection): void {
    const features = Array.isArray(collection?.features)
      ? collection.features.filter((f): f is ZoneFeature => typeof f === 'object' && f !== null && typeof f.properties?.id === 'string' && typeof f.geometry === 'object' && f.geometry !== null)
      : [];
    const key = JSON.stringify(features);
    if (key === this.zonesKey) return;
    this.zonesKey = key;
    this.zones = features;
    this.zonesVersion++;
    this.scheduleRender();
  }

  private async refreshZones(rethrow: boolean): Promise<ZoneFeature[]> {
    const api = this.api;
    if (!api) return this.zones;
    this.zonesFetchedAt = Date.now();
    try {
      const collection = await api.zones();
      if (this.api === api) {
        this.setZones(collection);
        this.renderPanels(false);
      }
    } catch (e) {
      if (rethrow) throw e;
    }
    return this.zones;
  }

  private get canOperate(): boolean {
    return this.role === 'operator' || this.role === 'unsure';
  }

  private setRole(role: Role): void {
    if (this.role === role) return;
    this.role = role;
    this.renderPanels(true);
  }

  /** The server did not say the key's role: ask, once, when first needed (an alert shown, the zones opened). */
  private ensureRole(): void {
    if (this.role !== null || this.roleAsked || !this.api) return;
    this.roleAsked = true;
    const api = this.api;
    void api.canOperate().then((ok) => {
      if (this.api === api && this.role === null) this.setRole(ok === null ? 'unsure' : ok ? 'operator' : 'viewer');
    });
  }

  /** The zones panel starts (a draft) or ends (null) drawing: the map's pointer goes to the draft. */
  private setDrawing(draft: Draft | null, hide: string | null): void {
    this.draft = draft;
    this.hiddenZone = hide;
    this.drawnDraft = -1;
    this.drawnZoneKey = '';
    const panel = this.zonePanel;
    const changed = () => {
      panel?.onDraftChanged();
      this.scheduleRender();
    };
    this.map?.setDrawing(draft ? {
      click: (p, first) => {
        draft.click(p, first);
        changed();
      },
      doubleClick: () => {
        draft.doubleClick();
        changed();
      },
      press: (p) => {
        draft.pressAt(p);
        changed();
      },
      move: (p) => {
        const before = draft.version;
        draft.moveTo(p);
        if (draft.version !== before) changed();
      },
      release: () => {
        draft.release();
        changed();
      },
    } : null, draft?.shape ?? null);
    this.scheduleRender();
  }

  private selectFromAlert(id: number): void {
    const position = this.map?.trackPosition(id);
    if (position) this.map?.flyTo(position);
    this.select(id);
  }

  private showTab(tab: Tab): void {
    (this.root.querySelector(`[data-tab="${tab}"]`) as HTMLButtonElement | null)?.click();
  }

  /** The sound button: unlocks audio when the browser blocked it, else mutes or unmutes. */
  private async toggleSound(): Promise<void> {
    if (this.alarm.state === 'blocked') await this.player.unlock();
    else this.alarm.setMuted(!this.alarm.muted);
    this.renderSound();
  }

  private renderSound(): void {
    const button = this.soundButton;
    if (!button) return;
    const state = this.alarm.state;
    const key: Key = state === 'on' ? 'sound.on' : state === 'muted' ? 'sound.muted' : 'sound.blocked';
    button.className = `sound sound-${state}`;
    button.dataset['state'] = state;
    button.dataset['i18nTitle'] = key;
    button.title = t(key);
    button.setAttribute('aria-label', t(key));
    button.replaceChildren(speakerIcon(state === 'on'), state === 'blocked' ? t('sound.enable') : '');
  }

  // ---- replay --------------------------------------------------------------------------------

  private async startReplay(from: Date, to: Date, speed: number): Promise<void> {
    const controller = this.replay;
    if (!controller || !this.api) return;
    let session: Replay | null;
    try {
      session = await controller.start(from, to, speed);
    } catch (e) {
      this.onApiError(e, sessionStorage.getItem(keyStorage) ?? '', null);
      return;
    }
    // Null too when "back to live" came first (the controller stopped that session): the console stays live.
    if (!session) return;
    if (this.replay !== controller || !this.api) {
      // Signed out (or the console rebuilt) while it started: stop it rather than leave it running.
      void controller.leave().catch(() => undefined);
      return;
    }
    // The replay streams into the worker too; its picture is the one shown until the replay is left.
    this.replaying = true;
    this.selected = null;
    this.replayAlerts.clear();
    this.post({ type: 'replay-start', url: this.api.streamUrl(session.stream) });
    this.sendView();
    this.onReplayChange();
  }

  /**
   * Moves the replay to `to`: the replay store drops its picture and trails at once (no trail may join
   * across the jump); the server then removes the old ids and plays on from the target.
   */
  private seekReplay(to: Date): void {
    const replay = this.replay;
    if (!replay?.seekable || !this.replaying) return;
    this.post({ type: 'replay-seek', target: to.getTime(), now: Date.now() });
    replay.seek(to).catch((e: unknown) => this.onApiError(e, sessionStorage.getItem(keyStorage) ?? '', null));
  }

  private async leaveReplay(): Promise<void> {
    this.post({ type: 'replay-leave' });
    this.replaying = false;
    this.replayAlerts.clear();
    this.selected = null;
    this.sendView();
    try {
      await this.replay?.leave();
    } catch (e) {
      this.onApiError(e, sessionStorage.getItem(keyStorage) ?? '', null);
    }
    this.onReplayChange();
  }

  private onReplayChange(): void {
    const phase = this.replay?.view.phase ?? 'idle';
    // A finished, stopped or failed session sends nothing more: keep its last picture, close its stream.
    if (this.replaying && (phase === 'finished' || phase === 'stopped' || phase === 'failed')) this.post({ type: 'replay-stop' });
    const replaying = this.replaying;
    document.body.classList.toggle('replaying', replaying);
    if (this.replayBanner) this.replayBanner.hidden = !replaying;
    if (this.liveAlarmBanner) this.liveAlarmBanner.hidden = !liveAlarmBehindReplay(replaying, this.alerts);
    this.map?.setReplayTint(replaying);
    this.renderConnection();
    this.scheduleRender();
  }

  // ---- rendering -----------------------------------------------------------------------------

  private select(id: number | null): void {
    this.selected = id;
    this.sendView();
    if (id !== null && this.tab !== 'tracks') {
      (this.root.querySelector('[data-tab="tracks"]') as HTMLButtonElement | null)?.click();
    }
    this.scheduleRender();
    this.renderPanels(true);
  }

  private onTick(): void {
    const now = Date.now();
    // (The worker ages the stores: with each tracks event, and on its own tick while the stream is quiet.)
    // A bearing turns stale with time alone: look again once a second (drawn only if that changed).
    if (this.sensors.sensors.some((s) => s.last_bearing)) {
      this.sensorClockDue = true;
      this.scheduleRender();
    }
    this.renderConnection();
    if (this.tab === 'replay') this.replayPanel?.render(now);
    // An unacknowledged alarm sounds again every few seconds (unless muted).
    this.alarm.tick(this.alerts.unacknowledgedAlarm(), now);
    this.renderSound();
    if (now - this.zonesFetchedAt > zonePollMs) void this.refreshZones(false);
    this.renderPanels(false);
  }

  /** Map sources at most once per animation frame. */
  private scheduleRender(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      this.renderMap();
      this.renderPanels(false);
    });
  }

  /**
   * Gives the map what changed, and only that: the picture (tracks and overlay) on a new store version or
   * zoom level, the selection's small source on a new version or selection, the sensors when what the map
   * shows of them changed (a sensors event that only moves counters draws nothing).
   */
  private renderMap(): void {
    if (!this.map) return;
    const picture = this.picture;
    const tolerance = this.map.trailTolerance();
    const labels = this.map.labelsShown();
    if (tolerance !== this.drawnTolerance || labels !== this.drawnLabels) {
      // Another zoom level: the worker packs again with the new trail tolerance (the labels follow that frame).
      this.drawnTolerance = tolerance;
      this.drawnLabels = labels;
      this.sendView();
    }
    const sel = picture.selected;
    if (picture.shown !== this.drawnShown || this.selected !== this.drawnSelection) {
      const id = sel.id === this.selected ? this.selected : null;
      if (id !== null || this.drawnSelection !== null) this.map.setSelected(selectedFeatures(id === null ? undefined : sel.track ?? undefined, id === null ? undefined : sel.trail ?? undefined));
      this.drawnSelection = id;
      this.drawnShown = picture.shown;
    }
    const zoneKey = `${this.zonesVersion}/${this.replaying ? 'r' : 'l'}${this.shownAlerts.version}/${this.hiddenZone}`;
    if (zoneKey !== this.drawnZoneKey) {
      const layers = zoneFeatures(this.zones, this.shownAlerts.zoneLevels(), this.hiddenZone);
      this.map.setZones(layers.areas, layers.buffers);
      this.drawnZoneKey = zoneKey;
    }
    const draftVersion = this.draft ? this.draft.version : -2;
    if (draftVersion !== this.drawnDraft) {
      this.map.setDraft(this.draft ? this.draft.features(this.draftBuffer) : emptyCollection());
      this.drawnDraft = draftVersion;
    }
    if (this.sensors.version !== this.drawnSensors || this.sensorClockDue) {
      this.sensorClockDue = false;
      // Bearings age on the data clock (a paused replay does not age them).
      const now = dataNow(picture, Date.now());
      const f = sensorFeatures(this.sensors.sensors, Number.isNaN(now) ? Date.now() : now);
      const key = JSON.stringify(f);
      if (key !== this.drawnSensorKey) this.map.setSensors(f.sensors, f.rings);
      this.drawnSensorKey = key;
      this.drawnSensors = this.sensors.version;
    }
  }

  private setReady(ready: boolean): void {
    this.hooks.ready = ready;
    if (ready) document.documentElement.dataset['ready'] = 'true';
    else delete document.documentElement.dataset['ready'];
  }

  /**
   * The visible panel, at most four times a second, and only when something it shows changed: the picture,
   * the sensors, the selection, the tab, the language; otherwise once a second (the list's ages). Hidden
   * panels do nothing. The track list draws only the rows in view; the card is rebuilt only when its track
   * changed.
   */
  private renderPanels(force: boolean): void {
    if (!this.trackList) return;
    const now = Date.now();
    const picture = this.picture;
    const key = `${picture.source}/${picture.serial}/${picture.version}/${picture.shown}/${this.sensors.version}/${this.replaying ? 'r' : 'l'}${this.shownAlerts.version}/${this.alerts.version}/${this.zonesVersion}/${this.role}/${this.selected}/${this.tab}/${language()}`;
    if (!force) {
      if (key === this.panelKey && now - this.lastPanels < 1000) return;
      if (now - this.lastPanels < panelIntervalMs) {
        if (!this.panelTimer) this.panelTimer = setTimeout(() => {
          this.panelTimer = null;
          this.renderPanels(true);
        }, panelIntervalMs);
        return;
      }
    }
    this.panelKey = key;
    this.lastPanels = now;
    const clock = dataNow(picture, now);
    this.renderAlertsEverywhere();
    if (this.shownAlerts.alerts.size > 0 || this.tab === 'zones') this.ensureRole();
    if (this.tab === 'alerts') {
      // Rebuilt only when an alert, the role or the language changed (a rebuild under the pointer could eat a click).
      const alertKey = `${this.replaying ? 'r' : 'l'}${this.shownAlerts.version}/${this.role}/${language()}`;
      // A replay shows what was warned then: nothing to acknowledge.
      if (alertKey !== this.alertPanelKey) this.alertPanel?.render(this.shownAlerts.sorted(), this.canOperate && !this.replaying, now);
      else this.alertPanel?.tick(now);
      this.alertPanelKey = alertKey;
    } else if (this.tab === 'zones') {
      const zoneKey = `${this.zonesVersion}/${this.role}/${language()}`;
      if (zoneKey !== this.zonePanelKey) this.zonePanel?.render(this.zones, this.canOperate);
      this.zonePanelKey = zoneKey;
    } else if (this.tab === 'tracks') {
      this.trackList.render(picture.list, picture.total, clock, this.selected);
      // The card shows the worker's answer for the current selection (it follows within a frame).
      const sel = picture.selected;
      if (sel.id === this.selected) this.card?.render(sel.track, sel.trail ?? undefined, this.selected);
    } else if (this.tab === 'sensors') {
      const sensorKey = `${this.sensors.version}/${language()}`;
      if (force || sensorKey !== this.sensorPanelKey) this.sensorPanel?.render(this.sensors.sensors);
      this.sensorPanelKey = sensorKey;
    } else {
      this.replayPanel?.render(now);
    }
  }

  /** What shows the alerts whatever the tab: the banner over the map, the tab's count, the exercise banner. */
  private renderAlertsEverywhere(): void {
    const key = `${this.replaying ? 'r' : 'l'}${this.shownAlerts.version}/${this.alerts.version}/${language()}`;
    if (key === this.bannerKey) return;
    this.bannerKey = key;
    // During a replay the rest shows the replayed alerts: a live alarm gets its own banner (the alarm tone is live).
    if (this.liveAlarmBanner) this.liveAlarmBanner.hidden = !liveAlarmBehindReplay(this.replaying, this.alerts);
    const sorted = this.shownAlerts.sorted();
    this.alertBanner?.render(sorted);
    const badge = this.alertTab?.querySelector<HTMLElement>('.badge');
    if (badge) {
      badge.hidden = sorted.length === 0;
      badge.textContent = String(sorted.length);
      badge.dataset['level'] = sorted[0]?.level ?? '';
    }
    // The demo's exercise banner also says when a standing alert is an exercise.
    if (this.exerciseBanner) this.exerciseBanner.hidden = !(this.info?.exercise === true || this.shownAlerts.anyExercise());
  }

  private renderConnection(): void {
    const el = this.connectionEl;
    if (!el) return;
    const s = this.connection;
    const now = Date.now();
    let text: string;
    switch (s.state) {
      case 'open': {
        const quiet = s.lastMessageAt ? Math.floor((now - s.lastMessageAt) / 1000) : 0;
        text = t('conn.open') + (quiet >= 5 ? ` (${t('conn.stale', { s: quiet })})` : '');
        break;
      }
      case 'reconnecting':
        text = t('conn.reconnecting', { s: Math.max(0, Math.ceil(((s.retryAt ?? now) - now) / 1000)) });
        break;
      case 'connecting':
        text = t('conn.connecting');
        break;
      default:
        text = t('conn.closed');
    }
    el.textContent = text;
    el.className = `connection conn-${s.state}`;
    if (this.outageEl) {
      const down = s.state === 'reconnecting' && s.attempts >= 2;
      this.outageEl.hidden = !down;
      if (down) {
        clear(this.outageEl);
        this.outageEl.append(
          h('strong', {}, t('unreachable.title')), ' ', t('conn.reconnecting', { s: Math.max(0, Math.ceil(((s.retryAt ?? now) - now) / 1000)) }), ' ',
          h('button', { type: 'button', onClick: () => this.post({ type: 'reconnect' }) }, t('unreachable.retry')));
      }
    }
  }
}

let mapModule: Promise<MapModule> | null = null;

/** The map's chunk (MapLibre), loaded once; started as soon as a sign-in begins. */
function loadMapModule(): Promise<MapModule> {
  mapModule ??= import('./map/mapView');
  mapModule.catch(() => (mapModule = null));
  return mapModule;
}

/** A loudspeaker, with sound waves when the alarm can sound, crossed out when it cannot (no emoji font needed). */
function speakerIcon(on: boolean): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = (cls: string, d: string) => {
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('class', cls);
    p.setAttribute('d', d);
    svg.append(p);
  };
  path('body', 'M3 9h4l5-4v14l-5-4H3z');
  if (on) {
    path('mark', 'M15.5 8.8a4.5 4.5 0 0 1 0 6.4');
    path('mark', 'M18.3 6a8.5 8.5 0 0 1 0 12');
  } else {
    path('mark', 'M16 9.5l5 5M21 9.5l-5 5');
  }
  return svg;
}

/** The key's role as /api/v1/info states it (a newer server), or null to ask. */
function roleOf(role: string | null | undefined): Role {
  return role === 'operator' || role === 'admin' ? 'operator' : role === 'viewer' ? 'viewer' : null;
}

/** localStorage, or null where the browser refuses it (the mute choice is then not remembered). */
function safeLocalStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

function languageSwitch(): HTMLElement {
  const select = h('select', { class: 'lang', i18nTitle: 'lang.label', onChange: (e) => {
    const lang = (e.target as HTMLSelectElement).value as Lang;
    setLanguage(lang, localStorage);
  } }, h('option', { value: 'es', i18n: 'lang.es' }), h('option', { value: 'en', i18n: 'lang.en' }));
  select.value = language();
  onLanguageChange((lang) => (select.value = lang));
  return select;
}

function legend(): HTMLElement {
  return h('div', { class: 'legend' },
    h('span', { class: 'item coop' }, h('i'), h('span', { i18n: 'legend.cooperative' })),
    h('span', { class: 'item unknown' }, h('i'), h('span', { i18n: 'legend.unknown' })),
    h('span', { class: 'item manned' }, h('i'), h('span', { i18n: 'legend.manned' })),
    h('span', { class: 'item operator' }, h('i'), h('span', { i18n: 'legend.operator' })),
    h('span', { class: 'item sensor' }, h('i'), h('span', { i18n: 'legend.sensor' })),
    h('span', { class: 'item zone' }, h('i'), h('span', { i18n: 'legend.zone' })),
    h('span', { class: 'item buffer' }, h('i'), h('span', { i18n: 'legend.buffer' })));
}

function attributionHtml(): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `${escape(t('map.attribution'))} · <a href="/licences/DATA-SOURCES.md" target="_blank" rel="noopener">${escape(t('map.licences'))}</a>`;
}
