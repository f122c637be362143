// The public API's documents (snake_case, as src/Vigia.Server/Json/Dtos.cs serialises them). Fields the
// server leaves out when null are optional here; the console never assumes a field is present.

export interface Geo {
  lat: number;
  lon: number;
  h: number;
}

export interface Track {
  id: number;
  status: string;
  time: string;
  position: Geo;
  velocity_enu?: number[];
  speed_mps?: number;
  heading_deg?: number;
  position_std_m?: number;
  uas_id?: string | null;
  cooperative?: boolean;
  operator?: Geo | null;
  /** Aircraft type as broadcast (Remote ID UA type, e.g. `HelicopterOrMultirotor`). */
  ua_type?: string | null;
  /** Operator registration ID as broadcast. */
  operator_id?: string | null;
  /** The operator's Self-ID text. */
  self_id?: string | null;
  /** Plausibility (spoofing) reason codes of the latest broadcast update, e.g. `Unauthenticated`; empty if none. */
  flags?: string[] | null;
  /** Ids of the sensors whose observations updated the track, most recent last. */
  sensors?: string[] | null;
  /** What the track is by its best evidence (`uav_rotary_wing`, `manned_aircraft`, …); absent when only radar saw it. */
  object_class?: string | null;
  /** Where that evidence comes from: `adsb`, `remote_id`, `sapient`, `radar`. */
  class_source?: string | null;
  /** The evidence's confidence, 0…1. */
  class_confidence?: number | null;
  /** The sensor's own words (a SAPIENT class name, an ADS-B callsign). */
  class_label?: string | null;
  /** The sensor that gave the evidence. */
  class_sensor?: string | null;
  first_seen?: string;
  last_update?: string;
  updates?: number;
  manoeuvre_probability?: number;
}

export type Mode = 'live' | 'replay';

export interface Picture {
  mode: Mode;
  time?: string | null;
  tracks: Track[];
}

export interface TracksEvent {
  mode: Mode;
  time: string;
  updated: Track[];
  removed: number[];
}

export type SensorState = 'up' | 'degraded' | 'down' | 'revoked';

export interface Sensor {
  id: string;
  kind: string;
  position?: Geo | null;
  description?: string;
  created?: string;
  revoked?: string | null;
  state: SensorState | string;
  last_message_age_s?: number | null;
  rate?: number;
  accepted?: number;
  duplicates?: number;
  refused?: number;
  late?: number;
  reordered?: number;
  dropped?: number;
  clock_offset_s?: number | null;
  range_m?: number | null;
  /** A direction finder's latest bearing (azimuth clockwise from true north). */
  last_bearing?: Bearing | null;
  /** A radar's ASTERIX data sources: one per SAC/SIC it is configured as (src/Vigia.Server/Json/SensorInputDtos.cs). */
  asterix?: AsterixSource[] | null;
  /** A SAPIENT node as the fusion node knows it (sensors `sapient:{node}`, once it registered). */
  sapient?: SapientNode | null;
  /** An ADS-B receiver's connection and decoding counters (`Vigia:AdsbSources`). */
  adsb?: AdsbReceiver | null;
}

/** What the radar adapter counted for one SAC/SIC. Every field may be absent or malformed: the console checks. */
export interface AsterixSource {
  sac?: number | null;
  sic?: number | null;
  sensor?: string | null;
  /** `radar` (CAT-048 plots), `system_tracks` (CAT-062), `unconfigured`, `unattributed`. */
  role?: string;
  records?: number;
  plots?: number;
  system_tracks?: number;
  service_messages?: number;
  duplicates?: number;
  malformed?: number;
  unsupported?: number;
  observations?: number;
  /** Well-formed records that gave no observation, by reason (`no_position`, `test_target`, …). */
  rejected?: Record<string, number>;
  last_record_age_s?: number | null;
  /** The source's own clock (`HH:mm:ss.fff`, UTC). */
  last_time_of_day?: string | null;
}

export interface SapientNode {
  node_id?: string;
  name?: string | null;
  node_types?: string[];
  icd_version?: string;
  registered_at?: string;
  connected?: boolean;
  remote_end_point?: string;
  /** `up`, `degraded` or `down`. */
  health?: string;
  /** Why (`ok`, `heartbeat late`, `disconnected`, …). */
  health_reason?: string;
  /** The system state of its last StatusReport (`SYSTEM_OK`, …). */
  system?: string | null;
  mode?: string | null;
  status_interval_s?: number;
  last_status_age_s?: number | null;
  messages?: number;
  detections_accepted?: number;
  rejected?: number;
  /** The reason code of the last refusal (e.g. `MissingObjectId`). */
  last_rejection?: string | null;
  last_rejected_at?: string | null;
}

export interface AdsbReceiver {
  /** `up`, `degraded` (bytes skipped to resynchronise recently) or `down` (not connected). */
  connection?: string;
  connects?: number;
  connect_failures?: number;
  disconnects?: number;
  frames?: number;
  decoded?: number;
  crc_errors?: number;
  framing_errors?: number;
  bytes_skipped?: number;
  malformed?: number;
  unsupported?: number;
  observations?: number;
}

export interface Bearing {
  azimuth_deg: number;
  elevation_deg?: number | null;
  time: string;
}

export interface SensorsEvent {
  mode: Mode;
  time: string;
  sensors: Sensor[];
}

export type ReplayState = 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

export interface Replay {
  id: string;
  from: string;
  to: string;
  speed: number;
  state: ReplayState | string;
  position?: string | null;
  observations: number;
  stream: string;
  detail?: string | null;
}

export interface ReplayEvent {
  mode: 'replay';
  replay: Replay;
}

export interface ServerInfo {
  version?: string;
  exercise?: boolean;
  origin?: Geo | null;
  server_time?: string;
  /** The basemap the server offers instead of the bundled one (either may be absent). */
  basemap?: BasemapInfo | null;
  /** The key's role, when the server says (`viewer`, `operator`, `admin`); else the console asks (client.ts canOperate). */
  role?: string | null;
}

export interface BasemapInfo {
  style_url?: string | null;
  pmtiles_url?: string | null;
}

// ---- alerts and zones (src/Vigia.Server/Json/AlertDtos.cs, Endpoints/ZonesEndpoints.cs) -----------------

export type AlertLevel = 'advisory' | 'warning' | 'alarm';
export type AlertChange = 'raised' | 'updated' | 'acknowledged' | 'cleared' | 'standing';

/** A zone's outline as an alert carries it: a polygon ring of [lat, lon] pairs, or a circle. */
export interface AlertArea {
  type: 'polygon' | 'circle' | string;
  ring?: number[][] | null;
  centre?: Geo | null;
  radius_m?: number | null;
}

export interface AlertBand {
  floor_m: number;
  ceiling_m: number;
  height_ref: string;
}

/** One alert version (the stream's `alert` event, GET /api/v1/alerts, the journal). */
export interface Alert {
  id: string;
  version: number;
  kind: 'zone_threat' | 'coverage_lost' | string;
  level: AlertLevel | string;
  peak_level?: AlertLevel | string;
  reasons?: string[];
  headline_es?: string;
  headline_en?: string;
  description_es?: string;
  description_en?: string;
  instruction_es?: string;
  instruction_en?: string;
  zone_id?: string | null;
  zone_name?: string | null;
  zone_kind?: string | null;
  area?: AlertArea | null;
  band?: AlertBand | null;
  sensor_id?: string | null;
  covered_zone_ids?: string[] | null;
  track_ids?: number[];
  uas_id?: string | null;
  position?: Geo | null;
  speed_mps?: number | null;
  course_deg?: number | null;
  distance_m?: number | null;
  seconds_to_entry?: number | null;
  condition_since?: string;
  raised_at?: string;
  updated_at?: string;
  cleared_at?: string | null;
  acknowledged_by?: string | null;
  acknowledged_at?: string | null;
  expires_at?: string;
  exercise?: boolean;
  active?: boolean;
}

/** The stream's `alert` event. */
export interface AlertEvent {
  change: AlertChange | string;
  alert: Alert;
  mode?: Mode;
}

/** GET /api/v1/alerts/{id}: every version of one alert, oldest first. */
export interface AlertHistory {
  id: string;
  versions: AlertEvent[];
}

export const zoneKinds = ['village', 'school', 'clinic', 'plant', 'prison', 'stadium', 'other'] as const;
export type ZoneKind = (typeof zoneKinds)[number];
export const heightRefs = ['agl', 'msl', 'ellipsoid'] as const;
export type HeightRef = (typeof heightRefs)[number];

/** A protected zone's GeoJSON properties (server-set: version, updated_by, updated_at). */
export interface ZoneProperties {
  id: string;
  name: string;
  kind: ZoneKind | string;
  floor_m: number;
  ceiling_m: number;
  height_ref: HeightRef | string;
  buffer_m?: number;
  /** Circle zones only (a Point geometry). */
  radius_m?: number;
  version?: number;
  updated_by?: string;
  updated_at?: string;
}

export type ZoneGeometry = { type: 'Polygon'; coordinates: number[][][] } | { type: 'Point'; coordinates: number[] };

/** A protected zone as GeoJSON: a Polygon (one ring, [lon, lat]) or a Point with radius_m. */
export interface ZoneFeature {
  type: 'Feature';
  geometry: ZoneGeometry;
  properties: ZoneProperties;
}

export interface ZoneCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

/** One change in a zone's audit trail (GET /api/v1/zones/{id}/history). */
export interface ZoneAudit {
  zone_id: string;
  version: number;
  time: string;
  actor: string;
  action: string;
}

/** An RFC 9457 problem document; validation problems list the fields. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Array<{ index?: number; field: string; reason: string }>;
}
