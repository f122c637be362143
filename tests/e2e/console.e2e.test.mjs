// The console in a real browser against a real `vigia serve` (issue 6, "Checks"): sign-in, tracks on the
// map agreeing with /api/v1/tracks, the identity card, the language switch, a short replay, no console
// errors, no request outside loopback; a revoked key and an unreachable server. Screenshots go to
// artifacts/e2e/. Run: `npm test` here (VIGIA_DLL=…/vigia.dll to use another build; CHROMIUM=… another browser).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ensureArtifactsDir, freePort, getJson, isLoopbackUrl, launchBrowser, postObservations, removeDir, secretFrom,
  sleep, startServer, tempDataDir, vigia,
  EverySecond,
} from './lib.mjs';

const radarPos = [19.19, -102.85, 420];
const coopUasId = 'MEXE2E0000000001';
const coopOperatorId = 'MEX-OP-E2E-0001';
const earth = 6_371_008.8;
const offset = (lat, lon, east, north) => [lat + (north / earth) * (180 / Math.PI), lon + (east / (earth * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI)];

const mannedIcao = 'Icao:0D0E2E';

/**
 * A dump1090-style Beast feed for adsb-1 (`Vigia:AdsbSources`): on each connection one DF17 frame with a
 * flipped bit (the pyModeS identification example 8D4840D6202CC371C32CE0576098, last octet 0x99), which
 * the server drops and counts in `crc_errors`; the connection stays open.
 */
async function beastFeed() {
  const badFrame = Buffer.from('8D4840D6202CC371C32CE0576099', 'hex');
  const beast = Buffer.concat([Buffer.from([0x1a, 0x33, 0, 0, 0, 0, 0, 0, 0x80]), badFrame]);
  const sockets = new Set();
  const feed = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.write(beast);
  });
  await new Promise((resolve) => feed.listen(0, '127.0.0.1', resolve));
  return {
    port: feed.address().port,
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      feed.close(() => resolve());
    }),
  };
}

/**
 * Posts once a second: a Remote ID drone (identity, pilot position, a flag), radar plots of an unknown drone
 * and an ADS-B aircraft (classified manned_aircraft, as the ADS-B decoder reports it).
 */
class Feeder extends EverySecond {
  constructor(url, ridToken, radarToken, adsbToken) {
    super();
    Object.assign(this, { url, ridToken, radarToken, adsbToken, n: 0 });
  }

  async tick() {
    const k = this.n++;
    const now = new Date().toISOString();
    // Cooperative: circles 300 m around a point north-east of the radar at 10 m/s.
    const a = (k * 10) / 300;
    const [lat, lon] = offset(19.2, -102.84, 300 * Math.sin(a), 300 * Math.cos(a));
    const rid = {
      sensor_id: 'rid-1', id: `rid-${k}`, sensor_time: now, kind: 'geodetic', values: [lat, lon, 500], covariance: [9, 9, 25],
      uas_id: coopUasId, operator_position: [19.197, -102.842, 430],
      identity: { type: 'HelicopterOrMultirotor', operator_id: coopOperatorId, self_id: 'Prueba e2e', flags: ['Unauthenticated'] },
    };
    // Unknown: approaches the radar from 2 km at 8 m/s on azimuth 60°.
    const radar = { sensor_id: 'radar-1', id: `radar-${k}`, sensor_time: now, kind: 'rae', values: [2000 - 8 * k, 60, 3], covariance: [25, 0.04, 0.04] };
    // Manned: a light aircraft 1.5 km west of the radar flying north at 50 m/s, 1,200 m up.
    const [plat, plon] = offset(19.19, -102.865, 0, -1500 + 50 * k);
    const adsb = {
      sensor_id: 'adsb-1', id: `adsb-${k}`, sensor_time: now, kind: 'geodetic', values: [plat, plon, 1200], covariance: [100, 100, 400],
      uas_id: mannedIcao, classification: { class: 'manned_aircraft', source: 'adsb', label: 'XAE2E' },
    };
    try {
      await Promise.all([
        postObservations(this.url, this.ridToken, [rid]),
        postObservations(this.url, this.radarToken, [radar]),
        postObservations(this.url, this.adsbToken, [adsb]),
      ]);
    } catch (e) {
      this.errors.push(String(e));
    }
  }
}

const shots = ensureArtifactsDir();
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`) });

describe('console end to end', { timeout: 300_000 }, () => {
  let data, port, server, key, revocableKey, feeder, browser, context, page, beast;
  const consoleProblems = [];
  const offLoopback = [];

  before(async () => {
    data = tempDataDir('e2e');
    const rid = secretFrom(vigia('sensors', 'add', 'rid-1', '--kind', 'remote-id', '--data', data), 'vgs');
    const radar = secretFrom(vigia('sensors', 'add', 'radar-1', '--kind', 'radar', '--position', radarPos.join(','), '--range-m', '3000', '--data', data), 'vgs');
    const adsb = secretFrom(vigia('sensors', 'add', 'adsb-1', '--kind', 'adsb', '--data', data), 'vgs');
    key = secretFrom(vigia('keys', 'add', 'ops', '--role', 'admin', '--data', data), 'vgk');
    revocableKey = secretFrom(vigia('keys', 'add', 'e2e-revoked', '--role', 'operator', '--data', data), 'vgk');
    port = await freePort();
    beast = await beastFeed();
    const adsbSource = ['Sensor=adsb-1', 'Host=127.0.0.1', `Port=${beast.port}`, 'Format=beast'].map((kv) => `--Vigia:AdsbSources:0:${kv}`);
    server = await startServer({ data, port, extra: adsbSource, log: process.env.E2E_SERVER_LOG === '1' });
    feeder = new Feeder(server.url, rid, radar, adsb);
    feeder.start();
    await sleep(5000); // a few seconds of observations so both tracks exist before the page opens

    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport: { width: 1400, height: 900 } });
    // Every request must stay on loopback: record and refuse anything else.
    context.on('request', (r) => {
      if (!isLoopbackUrl(r.url())) offLoopback.push(r.url());
    });
    await context.route((url) => !isLoopbackUrl(url.href), (route) => {
      offLoopback.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('console', (m) => {
      const text = m.text();
      if (m.type() === 'error' || (m.type() === 'warning' && /^(map:|stream:|replay stream:)/.test(text))) consoleProblems.push(`${m.type()}: ${text}`);
    });
    page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
  });

  after(async () => {
    feeder?.stop();
    await browser?.close();
    await server?.stop();
    await beast?.close();
    if (data) removeDir(data);
  });

  it('signs in with the key and shows the live picture', async () => {
    await page.goto(server.url);
    await page.locator('form.signin').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await shot(page, '01-sign-in');
    await page.fill('#key', key);
    await page.click('form.signin button[type=submit]');
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    assert.equal(await page.evaluate(() => window.vigia.connection() !== 'closed'), true);
    // The map fills its pane (MapLibre's own CSS once collapsed it to 0 px high).
    const box = await page.locator('#map').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 300, `map pane ${JSON.stringify(box)}`);
    const canvas = await page.locator('#map canvas').boundingBox();
    assert.ok(canvas && canvas.height >= box.height - 1, `map canvas ${JSON.stringify(canvas)}`);
  });

  it('the map\'s track layer and the track list agree with GET /api/v1/tracks', async () => {
    let last = '';
    const deadline = Date.now() + 30_000;
    for (;;) {
      const api = (await getJson(server.url, '/api/v1/tracks', key)).tracks.map((t) => t.id).sort((a, b) => a - b);
      const seen = await page.evaluate(async () => ({
        store: window.vigia.storeTrackIds(),
        list: [...window.vigia.listTrackIds()].sort((a, b) => a - b),
        map: window.vigia.mapTrackCount(),
        source: await window.vigia.sourceTrackCount(),
        mapIds: window.vigia.mapTrackIds(),
        drawn: window.vigia.renderedTrackCount(),
        rows: document.querySelectorAll('.track-list tbody tr[data-id]').length,
      }));
      last = JSON.stringify({ api, ...seen });
      // The WebGL layer's packed tracks (count and ids), what it last sent to the GPU and drew, the store and the list.
      if (api.length >= 3 && JSON.stringify(seen.store) === JSON.stringify(api) && JSON.stringify(seen.list) === JSON.stringify(api)
        && JSON.stringify(seen.mapIds) === JSON.stringify(api) && seen.map === api.length && seen.source === api.length
        && seen.drawn === api.length && seen.rows === api.length) break;
      if (Date.now() > deadline) assert.fail(`the console does not agree with the API: ${last}`);
      await sleep(500);
    }
    await shot(page, '02-live-map');
  });

  it('draws the tracks again after the browser loses and restores the track layer\'s WebGL context', async () => {
    await page.evaluate(() => {
      const lose = document.querySelector('canvas.track-overlay').getContext('webgl').getExtension('WEBGL_lose_context');
      lose.loseContext();
      setTimeout(() => lose.restoreContext(), 300);
    });
    await page.waitForFunction(() => window.vigia.trackContextLosses() === 1, undefined, { timeout: 10_000 });
    // The loss empties the layer (nothing drawn); only programs and buffers made again draw the tracks once more.
    await page.waitForFunction(() => window.vigia.renderedTrackCount() > 0, undefined, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => window.vigia.trackContextLosses()), 1);
  });

  it('draws the tracks again after MapLibre loses and restores its own WebGL context', async () => {
    // MapLibre's loss destroys its style (the track layer's onRemove) and rebuilds it on restore without custom layers.
    await page.evaluate(() => {
      const canvas = document.querySelector('#map canvas.maplibregl-canvas');
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      const lose = gl.getExtension('WEBGL_lose_context');
      window.__mapGl = gl;
      window.__mapLose = lose;
      lose.loseContext();
    });
    await page.waitForFunction(() => window.__mapGl.isContextLost(), undefined, { timeout: 10_000 });
    await sleep(300);
    const frames = await page.evaluate(() => window.vigia.mapFrames());
    await page.evaluate(() => window.__mapLose.restoreContext());
    // The layer is in the restored style again, on its overlay, and draws the current picture (each update again).
    await page.waitForFunction((n) => window.vigia.mapFrames() > n + 1 && window.vigia.renderedTrackCount() > 0, frames, { timeout: 15_000 });
    assert.equal(await page.evaluate(() => document.querySelector('canvas.track-overlay')?.isConnected === true), true);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const api = (await getJson(server.url, '/api/v1/tracks', key)).tracks.map((t) => t.id).sort((a, b) => a - b);
      const seen = await page.evaluate(async () => ({ ids: window.vigia.mapTrackIds(), source: await window.vigia.sourceTrackCount(), drawn: window.vigia.renderedTrackCount() }));
      if (JSON.stringify(seen.ids) === JSON.stringify(api) && seen.source === api.length && seen.drawn === api.length) break;
      if (Date.now() > deadline) assert.fail(`after the map's context came back: ${JSON.stringify({ api, ...seen })}`);
      await sleep(500);
    }
    await shot(page, '02-map-context-restored');
  });

  it('draws the ADS-B aircraft with the manned symbol, the Remote ID drone as cooperative, the radar track as unknown', async () => {
    const tracks = (await getJson(server.url, '/api/v1/tracks', key)).tracks;
    const manned = tracks.find((t) => t.uas_id === mannedIcao);
    const coop = tracks.find((t) => t.uas_id === coopUasId);
    const unknown = tracks.find((t) => (t.sensors ?? []).includes('radar-1') && !t.uas_id);
    assert.ok(manned && coop && unknown, `tracks: ${JSON.stringify(tracks.map((t) => [t.id, t.uas_id, t.object_class, t.sensors]))}`);
    assert.equal(manned.object_class, 'manned_aircraft');
    const symbols = await page.evaluate(() => window.vigia.mapTrackSymbols());
    assert.equal(symbols[manned.id], 'manned', JSON.stringify(symbols));
    assert.equal(symbols[coop.id], 'cooperative', JSON.stringify(symbols));
    assert.equal(symbols[unknown.id], 'unknown', JSON.stringify(symbols));
    assert.equal(await page.locator(`.track-list tbody tr[data-id="${manned.id}"]`).getAttribute('class'), 'manned');
    assert.equal(await page.locator('.legend .manned').count(), 1);
  });

  it('a click on a track\'s symbol on the map selects it (picking), a click on empty map clears the selection', async () => {
    const manned = (await getJson(server.url, '/api/v1/tracks', key)).tracks.find((t) => t.uas_id === mannedIcao);
    const map = await page.locator('#map').boundingBox();
    // Where the layer last drew it: the map's own projection of the position the layer holds (the stream's).
    const at = await page.evaluate((id) => {
      const p = window.vigia.mapTrackPosition(id);
      return p && window.vigia.pixelOf(p[0], p[1]);
    }, manned.id);
    assert.ok(at, 'the manned track is in the layer');
    await page.mouse.click(map.x + at.x + 2, map.y + at.y - 2);
    await page.waitForFunction((id) => document.querySelector('.identity-card')?.getAttribute('data-id') === String(id), manned.id, { timeout: 5000 });
    assert.match(await page.locator('.identity-card dd[data-field="uasId"]').innerText(), /Icao:0D0E2E/);
    await shot(page, '03-manned-selected');
    // Far from every track (the bottom left of the map, above the scale: nothing but the basemap).
    await page.mouse.click(map.x + 40, map.y + map.height - 60);
    await page.waitForFunction(() => !document.querySelector('.identity-card:not([hidden])')?.getAttribute('data-id'), undefined, { timeout: 5000 });
  });

  it('the cooperative track\'s identity card shows UAS ID, operator ID and a flag', async () => {
    const tracks = (await getJson(server.url, '/api/v1/tracks', key)).tracks;
    const coop = tracks.find((t) => t.uas_id === coopUasId);
    assert.ok(coop, `no track with UAS ID ${coopUasId}: ${JSON.stringify(tracks)}`);
    assert.deepEqual(coop.flags, ['Unauthenticated']);
    await page.click(`.track-list tbody tr[data-id="${coop.id}"]`);
    const card = page.locator('.identity-card');
    await card.waitFor({ state: 'visible' });
    await page.waitForFunction((id) => document.querySelector('.identity-card')?.getAttribute('data-id') === String(id), coop.id);
    assert.equal(await card.locator('dd[data-field="uasId"]').innerText(), coopUasId);
    assert.equal(await card.locator('dd[data-field="operatorId"]').innerText(), coopOperatorId);
    assert.equal(await card.locator('dd[data-field="type"]').innerText(), 'HelicopterOrMultirotor');
    assert.match(await card.locator('dd[data-field="contributors"]').innerText(), /rid-1/);
    assert.match(await card.locator('.flag[data-code="Unauthenticated"]').innerText(), /Sin autenticar/);
    assert.equal(await card.locator('.unavailable').count(), 0, 'no "no disponible" for fields the server sent');
    await shot(page, '03-identity-card');
  });

  it('the sensor panel folds the ADS-B receiver\'s connection and CRC errors, and keeps them open across updates', async () => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const adsb = (await getJson(server.url, '/api/v1/sensors', key)).find((s) => s.id === 'adsb-1')?.adsb;
      if (adsb?.connection === 'up' && adsb.crc_errors === 1) break;
      if (Date.now() > deadline) assert.fail(`adsb-1's receiver: ${JSON.stringify(adsb)}`);
      await sleep(500);
    }
    await page.click('[data-tab="sensors"]');
    try {
      await sensorDetail();
    } finally {
      await page.click('[data-tab="tracks"]');
    }
  });

  /** The adsb-1 row's folded receiver detail: closed, opened, still open after the row was rebuilt. */
  async function sensorDetail() {
    const details = page.locator('.sensor-panel li[data-id="adsb-1"] details[data-input="adsb"]');
    await page.waitForFunction(() => /conectado · errores CRC: 1/.test(document.querySelector('.sensor-panel li[data-id="adsb-1"] details[data-input="adsb"] summary')?.textContent ?? ''), undefined, { timeout: 10_000 });
    assert.equal(await details.evaluate((d) => d.open), false);
    await details.locator('summary').click();
    const pairs = () => page.evaluate(() => {
      const d = document.querySelector('.sensor-panel li[data-id="adsb-1"] details[data-input="adsb"]');
      const dts = [...(d?.querySelectorAll('dt') ?? [])];
      return { open: d?.open ?? null, rows: Object.fromEntries(dts.map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])) };
    });
    assert.deepEqual((await pairs()).rows, { 'Conexión': 'conectado', 'Errores CRC': '1', Tramas: '1', Decodificadas: '0' });
    await shot(page, '03-sensor-adsb');
    // The row is rebuilt as its last message ages (the feeder posts every second): the detail stays open.
    await page.evaluate(() => { document.querySelector('.sensor-panel li[data-id="adsb-1"]').dataset.e2eOld = '1'; });
    await page.waitForFunction(() => !document.querySelector('.sensor-panel li[data-id="adsb-1"]')?.dataset.e2eOld, undefined, { timeout: 10_000 });
    assert.equal((await pairs()).open, true);
  }

  it('switches the language from Spanish to English', async () => {
    const tab = page.locator('[data-tab="tracks"]');
    assert.equal(await tab.innerText(), 'Trazas');
    await page.selectOption('.topbar select.lang', 'en');
    assert.equal(await tab.innerText(), 'Tracks');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.locator('.identity-card .flag[data-code="Unauthenticated"]').innerText(), /Unauthenticated/);
    await shot(page, '04-english');
  });

  it('replays the last minute, marked REPLAY', async () => {
    await page.click('[data-tab="replay"]');
    await page.evaluate(() => {
      const local = (d) => {
        const p = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
      };
      const now = new Date();
      document.querySelector('.replay-panel input[name=from]').value = local(new Date(now.getTime() - 60_000));
      document.querySelector('.replay-panel input[name=to]').value = local(now);
    });
    await page.selectOption('.replay-panel select[name=speed]', '60');
    await page.click('.replay-panel button.primary');
    const banner = page.locator('.replay-banner');
    await banner.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await banner.innerText(), /REPLAY/);
    assert.equal(await page.evaluate(() => window.vigia.mode()), 'replay');
    // The replayed picture reaches the map.
    await page.waitForFunction(() => window.vigia.mapTrackCount() > 0, undefined, { timeout: 30_000 });
    await shot(page, '05-replay');
    await page.click('.replay-panel button.live');
    await banner.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => window.vigia.mode()), 'live');
  });

  it('logged no console error and requested nothing outside loopback', () => {
    assert.deepEqual(consoleProblems, []);
    assert.deepEqual(offLoopback, []);
    assert.deepEqual(feeder.errors, []);
  });

  it('a revoked key brings back the sign-in page with a message', async () => {
    const other = await context.newPage();
    await other.goto(server.url);
    await other.fill('#key', revocableKey);
    await other.click('form.signin button[type=submit]');
    await other.waitForSelector('html[data-ready]', { timeout: 60_000 });
    vigia('keys', 'revoke', 'e2e-revoked', '--data', data);
    await other.reload();
    await other.locator('form.signin').waitFor({ timeout: 20_000 });
    const error = other.locator('form.signin .error');
    await error.waitFor({ state: 'visible' });
    assert.match(await error.innerText(), /rejected|rechazó/);
    await shot(other, '06-revoked-key');
    await other.close();
  });

  it('an unreachable server shows the retry state, and the console comes back with the server', async () => {
    feeder.stop();
    await server.stop();
    // The open console keeps its picture and says the server is gone (the stream's reconnect loop).
    const bar = page.locator('.outage-bar');
    await bar.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await bar.innerText(), /unreachable|inaccesible/i);
    assert.equal(await page.locator('#map canvas').count(), 1);
    await shot(page, '07-server-gone');
    // Signing out releases the track overlay: its canvas is gone and its WebGL context lost (not left for GC).
    await page.evaluate(() => { window.__overlay = document.querySelector('canvas.track-overlay'); });
    await page.click('.topbar button.signout');
    await page.locator('form.signin').waitFor();
    assert.deepEqual(await page.evaluate(() => ({ connected: window.__overlay.isConnected, lost: window.__overlay.getContext('webgl').isContextLost() })), { connected: false, lost: true });
    // Signing in again while it is down: the retry screen (countdown, retry button), not a blank page.
    await page.fill('#key', key);
    await page.click('form.signin button[type=submit]');
    const outage = page.locator('.outage');
    await outage.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await outage.locator('h1').innerText(), /unreachable|inaccesible/i);
    assert.equal(await outage.locator('button.primary').isVisible(), true);
    assert.match(await outage.locator('.countdown').innerText(), /\d/);
    await shot(page, '08-unreachable');
    // The server comes back: "retry" opens the console again.
    server = await startServer({ data, port });
    feeder.url = server.url;
    feeder.start();
    await outage.locator('button.primary').click();
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
    await page.locator('.outage-bar').waitFor({ state: 'hidden' });
    await shot(page, '09-back');
  });
});
