import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, fieldErrors, roleProbePath } from './client';

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

  it('keeps the problem document of a refusal (422 names the fields) and reads an empty 204', async () => {
    const problem = { title: 'Invalid zone', detail: 'radius_m: must be > 0', errors: [{ index: 0, field: 'radius_m', reason: 'must be > 0' }, { field: 3 }] };
    const e = (await new ApiClient('k', '', async () => json(422, problem)).createZone({} as never).catch((x: unknown) => x)) as ApiError;
    expect(e.failure).toBe('http');
    expect(e.status).toBe(422);
    expect(fieldErrors(e.problem)).toEqual([{ field: 'radius_m', reason: 'must be > 0' }]);
    expect(fieldErrors(null)).toEqual([]);
    let method = '';
    const api = new ApiClient('k', '', async (_url, init) => {
      method = init?.method ?? '';
      return new Response(null, { status: 204 });
    });
    await expect(api.deleteZone('a b')).resolves.toBeUndefined();
    expect(method).toBe('DELETE');
  });

  it('sends an edit with PUT to the zone\'s path and an acknowledgement with POST', async () => {
    const calls: string[] = [];
    const api = new ApiClient('k', '', async (url, init) => {
      calls.push(`${init?.method} ${url} ${init?.body ?? ''}`);
      return json(200, { id: 'z', version: 2 });
    });
    await api.updateZone('el bejuco', { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { id: 'el bejuco', name: 'n', kind: 'other', floor_m: 0, ceiling_m: 1, height_ref: 'agl', version: 1 } });
    await api.acknowledge('zone-1');
    expect(calls[0]).toMatch(/^PUT \/api\/v1\/zones\/el%20bejuco \{.*"version":1/);
    expect(calls[1]).toBe('POST /api/v1/alerts/zone-1/acknowledge {}');
  });

  it('tells an operator key (404: nothing to remove) from a viewer key (403) without changing anything', async () => {
    let path = '';
    const answer = (status: number) => new ApiClient('k', '', async (url) => {
      path = url;
      return json(status, {});
    });
    expect(await answer(404).canOperate()).toBe(true);
    expect(path).toBe(roleProbePath);
    // The UAS ID asked for is longer than any the server stores (64), so no entry can match.
    expect(decodeURIComponent(path.split('/').pop()!).length).toBeGreaterThan(64);
    expect(await answer(403).canOperate()).toBe(false);
    expect(await answer(500).canOperate()).toBeNull();
  });

  it('puts the key in the stream URL as access_token', () => {
    expect(new ApiClient('vgk_a+b').streamUrl('/api/v1/stream')).toBe('/api/v1/stream?access_token=vgk_a%2Bb');
  });
});
