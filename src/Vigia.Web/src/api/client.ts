import type { Alert, AlertHistory, Picture, Problem, Replay, Sensor, ServerInfo, ZoneAudit, ZoneCollection, ZoneFeature } from './types';

/** Why a call failed, in the terms the console shows: sign in again, server unreachable, or an HTTP error. */
export type ApiFailure = 'unauthorized' | 'forbidden' | 'unreachable' | 'not-found' | 'http';

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    readonly status: number,
    message: string,
    /** The server's problem document, when it sent one (422: `errors` names the fields). */
    readonly problem: Problem | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The REST half of the public API, with the operator key as a bearer token. Same origin only. */
export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly base = '',
    private readonly fetcher: Fetch = (i, init) => fetch(i, init),
  ) {}

  info(): Promise<ServerInfo | null> {
    return this.get<ServerInfo>('/api/v1/info').catch((e: unknown) => {
      // The server may predate /api/v1/info: absence is not an error.
      if (e instanceof ApiError && e.failure === 'not-found') return null;
      throw e;
    });
  }

  tracks(): Promise<Picture> {
    return this.get<Picture>('/api/v1/tracks');
  }

  sensors(): Promise<Sensor[]> {
    return this.get<Sensor[]>('/api/v1/sensors');
  }

  startReplay(from: Date, to: Date, speed: number): Promise<Replay> {
    return this.send<Replay>('POST', '/api/v1/replays', { from: from.toISOString(), to: to.toISOString(), speed });
  }

  replay(id: string): Promise<Replay> {
    return this.get<Replay>(`/api/v1/replays/${encodeURIComponent(id)}`);
  }

  /** pause/resume/step/stop; `seek` with `to` (RFC 3339, clamped by the server to the period). */
  controlReplay(id: string, action: 'pause' | 'resume' | 'step' | 'stop' | 'seek', speed?: number, to?: string): Promise<Replay> {
    const body: Record<string, unknown> = { action };
    if (speed !== undefined) body.speed = speed;
    if (to !== undefined) body.to = to;
    return this.send<Replay>('POST', `/api/v1/replays/${encodeURIComponent(id)}/control`, body);
  }

  /** Standing alerts. */
  alerts(): Promise<Alert[]> {
    return this.get<Alert[]>('/api/v1/alerts');
  }

  /** Every version of one alert, oldest first (the incident timeline). */
  alertHistory(id: string): Promise<AlertHistory> {
    return this.get<AlertHistory>(`/api/v1/alerts/${encodeURIComponent(id)}`);
  }

  /** Acknowledges an alert (operator keys); 409 when already acknowledged or cleared. */
  acknowledge(id: string): Promise<Alert> {
    return this.send<Alert>('POST', `/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, {});
  }

  zones(): Promise<ZoneCollection> {
    return this.get<ZoneCollection>('/api/v1/zones');
  }

  /** Creates a zone (201); 409 when its id exists, 422 naming the field that is wrong. */
  createZone(zone: ZoneFeature): Promise<{ created: Array<{ id: string; version: number }> }> {
    return this.send('POST', '/api/v1/zones', zone);
  }

  /** Replaces a zone; `properties.version` names the version it was edited from (409 if another save came first). */
  updateZone(id: string, zone: ZoneFeature): Promise<{ id: string; version: number }> {
    return this.send('PUT', `/api/v1/zones/${encodeURIComponent(id)}`, zone);
  }

  deleteZone(id: string): Promise<void> {
    return this.send<void>('DELETE', `/api/v1/zones/${encodeURIComponent(id)}`);
  }

  zoneHistory(id: string): Promise<ZoneAudit[]> {
    return this.get<ZoneAudit[]>(`/api/v1/zones/${encodeURIComponent(id)}/history`);
  }

  /**
   * Whether this key may edit zones and acknowledge alerts, for a server whose /api/v1/info does not say
   * (`role`). It asks to remove an allow-list entry whose UAS ID is longer than any entry can be (the
   * server refuses to store one over 64 characters), so nothing can be removed: an operator key gets 404, a
   * viewer key 403. Null when the answer says neither.
   */
  async canOperate(): Promise<boolean | null> {
    try {
      await this.send<void>('DELETE', roleProbePath);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.failure === 'not-found') return true;
      if (e instanceof ApiError && e.failure === 'forbidden') return false;
      return null;
    }
  }

  /** The URL of an event stream with the key as access_token (EventSource cannot send headers). */
  streamUrl(path: string): string {
    const separator = path.includes('?') ? '&' : '?';
    return `${this.base}${path}${separator}access_token=${encodeURIComponent(this.key)}`;
  }

  private get<T>(path: string): Promise<T> {
    return this.send<T>('GET', path);
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.key}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      throw new ApiError('unreachable', 0, e instanceof Error ? e.message : String(e));
    }
    if (!response.ok) {
      const problem = await problemOf(response);
      throw new ApiError(failureOf(response.status), response.status, problemText(problem, response.status), problem);
    }
    // 204 (a delete) and other empty answers have no document.
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }
}

/** See canOperate: an allow-list entry that cannot exist (65 characters; the server stores at most 64). */
export const roleProbePath = `/api/v1/allow-list/${'console-role-check-'.padEnd(65, '0')}`;

export function failureOf(status: number): ApiFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // A proxy or a restarting server (502/503/504) is, for the operator, a server not reachable now.
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'http';
}

async function problemOf(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Problem) : null;
  } catch {
    return null;
  }
}

function problemText(problem: Problem | null, status: number): string {
  return [problem?.title, problem?.detail].filter(Boolean).join(': ') || `HTTP ${status}`;
}

/** The field errors of a problem document (422), junk left out. */
export function fieldErrors(problem: Problem | null | undefined): Array<{ field: string; reason: string }> {
  const errors = problem?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.filter((e): e is { field: string; reason: string } => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.reason === 'string').map((e) => ({ field: e.field, reason: e.reason }));
}
