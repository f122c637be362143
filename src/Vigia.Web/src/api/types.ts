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
}

export interface BasemapInfo {
  style_url?: string | null;
  pmtiles_url?: string | null;
}
