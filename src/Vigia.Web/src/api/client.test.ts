import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './client';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ApiClient', () => {
  it('sends the key as a bearer token', async () => {
    let auth: string | null = null;
    const api = new ApiClient('vgk_abc', '', async (_url, init) => {
      auth = new Headers(init?.headers).get('Authorization');
      return json(200, { mode: 'live', tracks: [] });
    });
    await api.tracks();
    expect(auth).toBe('Bearer vgk_abc');
  });

  it('maps 401, 403 and unreachable servers to failures the console acts on', async () => {
    await expect(new ApiClient('k', '', async () => json(401, { title: 'Unauthorized' })).tracks()).rejects.toMatchObject({ failure: 'unauthorized' });
    await expect(new ApiClient('k', '', async () => json(403, {})).tracks()).rejects.toMatchObject({ failure: 'forbidden' });
    await expect(new ApiClient('k', '', () => Promise.reject(new TypeError('Failed to fetch'))).tracks()).rejects.toMatchObject({ failure: 'unreachable' });
    await expect(new ApiClient('k', '', async () => new Response('', { status: 503 })).tracks()).rejects.toMatchObject({ failure: 'unreachable' });
    const e = await new ApiClient('k', '', async () => json(422, { title: 'Invalid replay', detail: 'to: must be after from' })).tracks().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).message).toBe('Invalid replay: to: must be after from');
  });

  it('treats a missing /api/v1/info as no information', async () => {
    expect(await new ApiClient('k', '', async () => json(404, {})).info()).toBeNull();
  });

  it('puts the key in the stream URL as access_token', () => {
    expect(new ApiClient('vgk_a+b').streamUrl('/api/v1/stream')).toBe('/api/v1/stream?access_token=vgk_a%2Bb');
  });
});
