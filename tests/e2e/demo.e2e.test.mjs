// `vigia demo` in a real browser: the demo prints the console's URL and an operator key; the console signs
// in with it, shows the scenario's tracks (map source agreeing with GET /api/v1/tracks) under the exercise
// banner, with no console error and no request outside loopback; Ctrl+C (SIGINT) stops the demo with exit 0.
// Screenshot: artifacts/e2e/demo.png. Run: `npm test` here (VIGIA_DLL=…/vigia.dll to use another build).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  ensureArtifactsDir, freePort, getJson, launchBrowser, recordProblems, removeDir, sleep, tempDataDir, vigiaDll,
} from './lib.mjs';

const shots = ensureArtifactsDir();

describe('vigia demo end to end', { timeout: 180_000 }, () => {
  let data, child, exited, browser;
  let output = '';

  after(async () => {
    await browser?.close();
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
    if (data) removeDir(data);
  });

  it('the demo\'s console shows the exercise with tracks, and SIGINT stops it with exit 0', async () => {
    data = tempDataDir('demo');
    const port = await freePort();
    child = spawn('dotnet', [vigiaDll(), 'demo', '--port', String(port), '--data', data, '--no-open'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
    });
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-20_000);
      if (process.env.E2E_SERVER_LOG === '1') process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));

    // The console's URL and the operator key, from the demo's stdout.
    let url, key;
    const printed = Date.now() + 60_000;
    for (;;) {
      url = output.match(/^vigia demo: console +(http:\/\/127\.0\.0\.1:\d+\/)\s*$/m)?.[1];
      key = output.match(/^vigia demo: operator key +(vgk_[A-Za-z0-9_-]+)/m)?.[1];
      if (url && key) break;
      if (child.exitCode !== null || child.signalCode !== null) assert.fail(`vigia demo exited before printing its URL and key:\n${output}`);
      if (Date.now() > printed) assert.fail(`vigia demo printed no URL and key in 60 s:\n${output}`);
      await sleep(200);
    }
    assert.equal(url, `http://127.0.0.1:${port}/`);
    const base = url.replace(/\/$/, '');
    assert.equal((await getJson(base, '/api/v1/info', key)).exercise, true);

    const consoleProblems = [];
    const offLoopback = [];
    browser = await launchBrowser();
    const context = await browser.newContext({ locale: 'es-MX', timezoneId: 'America/Mexico_City', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await recordProblems(context, page, consoleProblems, offLoopback);

    await page.goto(url);
    await page.locator('form.signin').waitFor();
    await page.fill('#key', key);
    await page.click('form.signin button[type=submit]');
    await page.waitForSelector('html[data-ready]', { timeout: 60_000 });

    // Ready: the map's track layer holds (has sent to the GPU) at least one of the scenario's tracks.
    const populated = Date.now() + 60_000;
    while ((await page.evaluate(() => window.vigia.sourceTrackCount())) < 1) {
      if (Date.now() > populated) assert.fail(`no track on the map after 60 s:\n${output}`);
      await sleep(500);
    }

    // The map's track layer (its ids, and the count it last sent to the GPU) agrees with GET /api/v1/tracks
    // (sampled until both are read at the same picture, as in the console test; the scenario's tracks come and go).
    let last = '';
    const agreed = Date.now() + 30_000;
    for (;;) {
      const api = (await getJson(base, '/api/v1/tracks', key)).tracks.map((t) => t.id).sort((a, b) => a - b);
      const seen = await page.evaluate(async () => ({ map: window.vigia.mapTrackCount(), source: await window.vigia.sourceTrackCount(), ids: window.vigia.mapTrackIds() }));
      last = JSON.stringify({ api, ...seen });
      if (api.length >= 1 && seen.map === api.length && seen.source === api.length && JSON.stringify(seen.ids) === JSON.stringify(api)) break;
      if (Date.now() > agreed) assert.fail(`the map does not agree with the API: ${last}`);
      await sleep(500);
    }

    // /api/v1/info says exercise: the console shows its banner.
    const banner = page.locator('.exercise-banner');
    await banner.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await banner.innerText(), /EJERCICIO/);

    await page.screenshot({ path: join(shots, 'demo.png') });
    assert.deepEqual(consoleProblems, []);
    assert.deepEqual(offLoopback, []);
    await browser.close();
    browser = null;

    // Ctrl+C: the demo stops the replay and the server and exits 0 within 10 s.
    child.kill('SIGINT');
    const result = await Promise.race([exited, sleep(10_000).then(() => null)]);
    assert.ok(result, `vigia demo still running 10 s after SIGINT:\n${output}`);
    assert.deepEqual(result, { code: 0, signal: null }, output);
  });
});
