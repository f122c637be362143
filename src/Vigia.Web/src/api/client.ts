import type { Picture, Replay, Sensor, ServerInfo } from './types';

/** Why a call failed, in the terms the console shows: sign in again, server unreachable, or an HTTP error. */
export type ApiFailure = 'unauthorized' | 'forbidden' | 'unreachable' | 'not-found' | 'http';

export class ApiError extends Error {
  constructor(
    readonly failure: ApiFailure,
    readonly status: number,
    message: string,
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
      throw new ApiError(failureOf(response.status), response.status, await problemText(response));
    }
    return (await response.json()) as T;
  }
}

export function failureOf(status: number): ApiFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  // A proxy or a restarting server (502/503/504) is, for the operator, a server not reachable now.
  if (status === 502 || status === 503 || status === 504) return 'unreachable';
  return 'http';
}

async function problemText(response: Response): Promise<string> {
  try {
    const problem = (await response.json()) as { title?: string; detail?: string };
    return [problem.title, problem.detail].filter(Boolean).join(': ') || `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
