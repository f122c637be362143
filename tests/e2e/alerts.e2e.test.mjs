// Alerts and zones in a real browser against a real `vigia serve` (issue 7, item 3): an operator draws a
// protected zone on the map and saves it through the console's form (the server's 422 and 409 shown next to
// the fields), radar plots posted inside it raise an alarm that the alert panel shows with its level, a
// viewer key sees it with no Acknowledge button and no zone editing, the operator acknowledges it in the
// panel and both consoles show who did, and the timeline lists the acknowledgement. The server runs with
// `Vigia:Alerting:Exercise=true`, so the alert is an exercise: labelled EJERCICIO, with the exercise banner.
// Loopback only. Run: `npm test` here (VIGIA_DLL=…/vigia.dll for another build).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  ensureArtifactsDir, freePort, getJson, launchBrowser, postObservations, recordProblems, removeDir, secretFrom, sleep,
  startServer, tempDataDir, vigia,
  EverySecond,
} from './lib.mjs';

const radarPos = [19.19, -102.85, 420];
const earth = 6_371_008.8;
const offset = (lat, lon, east, north) => [lat + (north / earth) * (180 / Math.PI), lon + (east / (earth * Math.cos((lat * Math.PI) / 180))) * (180 / Math.PI)];
/** The drone: 1 km from the radar on azimuth 60°, drifting outwards at 3 m/s (inside the zone throughout). */
const range = (k) => 1000 + 3 * k;
const targetEast = 1000 * Math.sin(Math.PI / 3);
const targetNorth = 1000 * Math.cos(Math.PI / 3);
/** The zone drawn around it: 600 m square, corners relative to the radar (east, north). */
const corners = [[-300, -300], [300, -300], [300, 300], [-300, 300]].map(([e, n]) => offset(radarPos[0], radarPos[1], targetEast + e, targetNorth + n));
const zoneName = 'Escuela Tepalcatepec E2E';
const zoneId = 'escuela-tepalcatepec-e2e';

/** The console's role check for a server whose /api/v1/info has no `role` (client.ts roleProbePath): 404/403 by design. */
const roleProbe = /\/api\/v1\/allow-list\/console-role-check-/;

const shots = ensureArtifactsDir();
const shot = (page, name) => page.screenshot({ path: join(shots, `alerts-${name}.png`) });

/** Radar plots of one unknown drone, once a second. */
class RadarFeeder extends EverySecond {
  constructor(url, token) {
    super();
    Object.assign(this, { url, token, n: 0 });
  }

  async tick() {
    const k = this.n++;
    const plot = { sensor_id: 'radar-1', id: `plot-${k}`, sensor_time: new Date().toISOString(), kind: 'rae', values: [range(k), 60, 3], covariance: [25, 0.04, 0.04] };
    try {
      await postObservations(this.url, this.token, [plot]);
    } catch (e) {
      this.errors.push(String(e));
    }
  }
}

async function signIn(page, url, key) {
  await page.goto(url);
  await page.locator('form.signin').waitFor();
  await page.fill('#key', key);
  await page.click('form.signin button[type=submit]');
  await page.waitForSelector('html[data-ready]', { timeout: 60_000 });
}

/** Clicks (or double-clicks) the map at lat/lon. */
async function clickMap(page, [lat, lon], double = false) {
  const box = await page.locator('#map').boundingBox();
  const p = await page.evaluate(([x, y]) => window.vigia.pixelOf(x, y), [lon, lat]);
  assert.ok(p, 'the map projects the point');
  const x = box.x + p.x;
  const y = box.y + p.y;
  assert.ok(p.x > 0 && p.y > 0 && p.x < box.width && p.y < box.height, `point in view: ${JSON.stringify(p)}`);
  if (double) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}

describe('alerts and zones end to end', { timeout: 180_000 }, () => {
  let data, server, opsKey, viewerKey, feeder, browser, opsContext, viewerContext, ops, viewer;
  const consoleProblems = [];
  const offLoopback = [];
  const expected = (m) => roleProbe.test(m.location()?.url ?? '') || /status of 422|status of 409/.test(m.text());

  before(async () => {
    data = tempDataDir('alerts');
    const radar = secretFrom(vigia('sensors', 'add', 'radar-1', '--kind', 'radar', '--position', radarPos.join(','), '--range-m', '3000', '--data', data), 'vgs');
    opsKey = secretFrom(vigia('keys', 'add', 'e2e-ops', '--role', 'operator', '--data', data), 'vgk');
    viewerKey = secretFrom(vigia('keys', 'add', 'e2e-viewer', '--role', 'viewer', '--data', data), 'vgk');
    server = await startServer({ data, port: await freePort(), extra: ['--Vigia:Alerting:Exercise=true'], log: process.env.E2E_SERVER_LOG === '1' });
    feeder = new RadarFeeder(server.url, radar);
    browser = await launchBrowser();
    const options = { locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport: { width: 1400, height: 900 } };
    opsContext = await browser.newContext(options);
    viewerContext = await browser.newContext(options);
    ops = await opsContext.newPage();
    viewer = await viewerContext.newPage();
    await recordProblems(opsContext, ops, consoleProblems, offLoopback, expected);
    await recordProblems(viewerContext, viewer, consoleProblems, offLoopback, expected);
  });

  after(async () => {
    feeder?.stop();
    await browser?.close();
    await server?.stop();
    if (data) removeDir(data);
  });

  it('an operator draws a polygon zone on the map and saves it through the form', async () => {
    await signIn(ops, server.url, opsKey);
    await ops.click('[data-tab="zones"]');
    await ops.locator('.zone-panel .new-polygon').click();
    await ops.locator('form.zone-form').waitFor();
    // Zoom in twice (about 9 m a pixel) so the 600 m square is some 65 px across, and let the zoom finish.
    await ops.click('.maplibregl-ctrl-zoom-in');
    await ops.click('.maplibregl-ctrl-zoom-in');
    let last = '';
    for (let i = 0; i < 20; i++) {
      await sleep(250);
      const now = JSON.stringify(await ops.evaluate(([lon, lat]) => window.vigia.pixelOf(lon, lat), [corners[0][1], corners[0][0]]));
      if (now === last) break;
      last = now;
    }
    // Three clicks, and a double-click on the fourth vertex closes the polygon.
    for (const c of corners.slice(0, 3)) await clickMap(ops, c);
    await clickMap(ops, corners[3], true);
    assert.match(await ops.locator('.zone-form .draft-status').innerText(), /4 vértices · contorno cerrado/);
    await ops.fill('.zone-form input[name=name]', zoneName);
    assert.equal(await ops.inputValue('.zone-form input[name=id]'), zoneId, 'the id follows the name');
    await ops.selectOption('.zone-form select[name=kind]', 'school');
    await ops.fill('.zone-form input[name=floor_m]', '0');
    await ops.fill('.zone-form input[name=ceiling_m]', '3000');
    await ops.selectOption('.zone-form select[name=height_ref]', 'ellipsoid');
    await ops.fill('.zone-form input[name=buffer_m]', '300');
    await shot(ops, '01-drawn');
    await ops.click('.zone-form button.save');
    await ops.locator('form.zone-form').waitFor({ state: 'detached' });
    await ops.locator(`.zone-panel li.zone[data-id="${zoneId}"]`).waitFor();
    // What the server holds is what was drawn.
    const zones = await getJson(server.url, '/api/v1/zones', opsKey);
    const zone = zones.features.find((f) => f.properties.id === zoneId);
    assert.ok(zone, JSON.stringify(zones));
    assert.deepEqual({ ...zone.properties, version: undefined, updated_at: undefined }, {
      id: zoneId, name: zoneName, kind: 'school', floor_m: 0, ceiling_m: 3000, height_ref: 'ellipsoid', buffer_m: 300,
      version: undefined, updated_by: 'e2e-ops', updated_at: undefined,
    });
    assert.equal(zone.geometry.type, 'Polygon');
    const ring = zone.geometry.coordinates[0];
    assert.equal(ring.length, 5);
    // Each vertex within a few pixels (at ~9 m a pixel) of where it was clicked.
    corners.forEach(([lat, lon], i) => {
      const dx = (ring[i][0] - lon) * (earth * Math.cos((lat * Math.PI) / 180)) * (Math.PI / 180);
      const dy = (ring[i][1] - lat) * earth * (Math.PI / 180);
      assert.ok(Math.hypot(dx, dy) < 30, `vertex ${i} is ${Math.hypot(dx, dy).toFixed(1)} m from the click`);
    });
    await ops.waitForFunction(() => window.vigia.mapZoneCount() === 1);
  });

  it('shows the server\'s 422 and 409 next to the fields', async () => {
    await ops.locator('.zone-panel .new-circle').click();
    await ops.fill('.zone-form input[name=centre_lat]', '95');
    await ops.fill('.zone-form input[name=centre_lon]', String(radarPos[1]));
    await ops.fill('.zone-form input[name=radius_m]', '200');
    await ops.fill('.zone-form input[name=name]', 'Fuera del mundo');
    await ops.click('.zone-form button.save');
    const geometryError = ops.locator('.zone-form [data-slot="geometry"]');
    await geometryError.waitFor({ state: 'visible' });
    assert.match(await geometryError.innerText(), /centre|latitude/i);
    // A good outline, but the id of the zone just saved: 409, shown at the id.
    await ops.fill('.zone-form input[name=centre_lat]', String(radarPos[0]));
    await ops.fill('.zone-form input[name=id]', zoneId);
    await ops.click('.zone-form button.save');
    const idError = ops.locator('.zone-form [data-slot="id"]');
    await idError.waitFor({ state: 'visible' });
    assert.match(await idError.innerText(), /already exists/);
    assert.equal(await geometryError.isVisible(), false);
    await shot(ops, '02-form-errors');
    await ops.click('.zone-form button.cancel');
    await ops.locator('form.zone-form').waitFor({ state: 'detached' });
    assert.equal((await getJson(server.url, '/api/v1/zones', opsKey)).features.length, 1);
  });

  let alertId, viewerSignedIn;

  it('radar plots inside the zone raise an alarm that the panel shows, labelled EJERCICIO', async () => {
    feeder.start();
    // The viewer signs in meanwhile (its map loads while the track firms up).
    viewerSignedIn = signIn(viewer, server.url, viewerKey);
    await ops.click('[data-tab="alerts"]');
    const card = ops.locator('.alert-panel li.alert');
    await card.first().waitFor({ timeout: 45_000 });
    const standing = await getJson(server.url, '/api/v1/alerts', opsKey);
    const threat = standing.find((a) => a.kind === 'zone_threat' && a.zone_id === zoneId);
    assert.ok(threat, JSON.stringify(standing));
    alertId = threat.id;
    assert.equal(threat.exercise, true);
    // Inside the zone, no Remote ID: an alarm (it may pass through lower levels first while the track firms up).
    await ops.waitForFunction((id) => document.querySelector(`.alert-panel li.alert[data-id="${id}"]`)?.dataset.level === 'alarm', alertId, { timeout: 30_000 });
    const shown = ops.locator(`.alert-panel li.alert[data-id="${alertId}"]`);
    const now = (await getJson(server.url, `/api/v1/alerts/${alertId}`, opsKey)).versions.at(-1).alert;
    assert.equal(now.level, 'alarm');
    assert.equal(await shown.locator('.level-badge').innerText(), 'ALARMA');
    assert.equal(await shown.locator('.exercise-tag').innerText(), 'EJERCICIO');
    assert.equal(await shown.locator('.headline').innerText(), now.headline_es);
    assert.match(await shown.locator('.facts').first().innerText(), new RegExp(zoneName));
    assert.match(await shown.locator('.unacknowledged').innerText(), /Sin reconocer/);
    const tracks = await shown.locator('button.track-link').allInnerTexts();
    assert.deepEqual(tracks, now.track_ids.map(String));
    // The exercise banner (info.exercise is false here: the alert itself is the exercise).
    assert.match(await ops.locator('.exercise-banner').innerText(), /EJERCICIO/);
    // The zone turns the alarm's colour on the map, and the sign-in click let the alarm sound.
    assert.equal(await ops.evaluate(() => window.vigia.alertIds().length >= 1), true);
    const sound = await ops.evaluate(() => window.vigia.sound());
    assert.equal(sound.state, 'on');
    assert.ok(sound.played >= 1, JSON.stringify(sound));
    await shot(ops, '03-alarm');
    // A click on a contributing track selects it (its identity card).
    await shown.locator('button.track-link').first().click();
    await ops.waitForFunction((id) => document.querySelector('.identity-card')?.getAttribute('data-id') === String(id), now.track_ids[0]);
    await ops.click('[data-tab="alerts"]');
  });

  it('a viewer key sees the alert but no Acknowledge button and cannot edit zones', async () => {
    await viewerSignedIn;
    // The banner over the map shows the alarm before any tab is opened.
    const banner = viewer.locator('.alert-banner');
    await banner.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await banner.innerText(), /ALARMA/);
    await viewer.click('[data-tab="alerts"]');
    const shown = viewer.locator(`.alert-panel li.alert[data-id="${alertId}"]`);
    await shown.waitFor();
    await viewer.waitForFunction(() => window.vigia.role() === 'viewer');
    assert.match(await shown.locator('.unacknowledged').innerText(), /Sin reconocer/);
    assert.equal(await viewer.locator('.alert-panel button.acknowledge').count(), 0);
    await viewer.click('[data-tab="zones"]');
    await viewer.locator(`.zone-panel li.zone[data-id="${zoneId}"]`).waitFor();
    assert.equal(await viewer.locator('.zone-panel .new-polygon, .zone-panel .new-circle, .zone-panel button.edit, .zone-panel button.delete').count(), 0);
    assert.equal(await viewer.locator('.zone-panel .read-only').isVisible(), true);
    await shot(viewer, '04-viewer');
    // On a phone: the compact banner across the top of the map, in place of the legend.
    await viewer.setViewportSize({ width: 390, height: 800 });
    await viewer.waitForFunction(() => getComputedStyle(document.querySelector('.legend')).display === 'none');
    const mapBox = await viewer.locator('#map').boundingBox();
    const bannerBox = await banner.boundingBox();
    assert.ok(bannerBox && bannerBox.y - mapBox.y < 20 && bannerBox.x + bannerBox.width <= mapBox.x + mapBox.width, `banner ${JSON.stringify(bannerBox)} map ${JSON.stringify(mapBox)}`);
    await shot(viewer, '05-phone');
    await viewer.setViewportSize({ width: 1400, height: 900 });
    await viewer.click('[data-tab="alerts"]');
  });

  it('the operator acknowledges it in the panel; both consoles show who, and the timeline has it', async () => {
    const shown = ops.locator(`.alert-panel li.alert[data-id="${alertId}"]`);
    await shown.locator('button.acknowledge').click();
    await shown.locator('.acknowledged').waitFor({ timeout: 15_000 });
    assert.match(await shown.locator('.acknowledged').innerText(), /Reconocida por e2e-ops a las \d/);
    const acked = (await getJson(server.url, '/api/v1/alerts', opsKey)).find((a) => a.id === alertId);
    assert.equal(acked.acknowledged_by, 'e2e-ops');
    // The viewer's console hears it on the stream.
    await viewer.locator(`.alert-panel li.alert[data-id="${alertId}"] .acknowledged`).waitFor({ timeout: 15_000 });
    // The incident timeline: every version from GET /api/v1/alerts/{id}, the acknowledgement with its operator.
    await shown.locator('button.timeline-toggle').click();
    const rows = shown.locator('.timeline-table tbody tr');
    await rows.first().waitFor();
    const history = (await getJson(server.url, `/api/v1/alerts/${alertId}`, opsKey)).versions;
    assert.ok(await rows.count() >= 2);
    assert.ok(await rows.count() <= history.length);
    const ackRow = shown.locator('.timeline-table tr[data-change="acknowledged"]');
    assert.match(await ackRow.innerText(), /reconocida[\s\S]*e2e-ops/);
    assert.match(await rows.first().innerText(), /emitida/);
    await shot(ops, '06-acknowledged');
    // Acknowledged: the alarm no longer repeats (no new tone over the next 6 s).
    const before = (await ops.evaluate(() => window.vigia.sound())).played;
    await sleep(6000);
    assert.equal((await ops.evaluate(() => window.vigia.sound())).played, before);
  });

  it('a replay of the last minutes shows the alert as the journal had it, with nothing to acknowledge, and the live alarm banner', async () => {
    await ops.click('[data-tab="replay"]');
    await ops.evaluate(() => {
      const local = (d) => {
        const p = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
      };
      const now = new Date();
      document.querySelector('.replay-panel input[name=from]').value = local(new Date(now.getTime() - 180_000));
      document.querySelector('.replay-panel input[name=to]').value = local(now);
    });
    await ops.selectOption('.replay-panel select[name=speed]', '60');
    await ops.click('.replay-panel button.primary');
    await ops.locator('.replay-banner').waitFor({ state: 'visible', timeout: 20_000 });
    // The live alarm still stands (acknowledged): a replay never hides it — its own banner, with a way back.
    const liveAlarm = ops.locator('.live-alarm-banner');
    await liveAlarm.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await liveAlarm.innerText(), /ALARMA EN VIVO/);
    // The replayed alert reaches the panel from the replay's own stream (journalled versions, not the live list).
    await ops.waitForFunction((id) => window.vigia.mode() === 'replay' && window.vigia.alertIds().includes(id), alertId, { timeout: 30_000 });
    await ops.click('[data-tab="alerts"]');
    const shown = ops.locator(`.alert-panel li.alert[data-id="${alertId}"]`);
    await shown.waitFor({ timeout: 15_000 });
    assert.equal(await ops.locator('.alert-panel button.acknowledge').count(), 0);
    await shot(ops, '07-replayed-alert');
    // Back to live through the live alarm banner's button: the live list again, the banner gone.
    await liveAlarm.locator('button').click();
    await ops.locator('.replay-banner').waitFor({ state: 'hidden' });
    assert.equal(await liveAlarm.isVisible(), false);
    await ops.waitForFunction((id) => window.vigia.mode() === 'live' && window.vigia.alertIds().includes(id), alertId, { timeout: 15_000 });
  });

  it('logged no console error and requested nothing outside loopback', () => {
    assert.deepEqual(consoleProblems, []);
    assert.deepEqual(offLoopback, []);
    assert.deepEqual(feeder.errors, []);
  });
});
