// Shared by the end-to-end test and the browser benchmark: the vigia CLI, a `vigia serve` child process
// on a free loopback port, observation feeders and headless Debian chromium through playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const artifactsDir = join(repoRoot, 'artifacts', 'e2e');

/** The vigia.dll to run: VIGIA_DLL, else the CI build's output (`dotnet build -c Release`). */
export function vigiaDll() {
  const dll = process.env.VIGIA_DLL ?? join(repoRoot, 'artifacts/bin/Vigia.Cli/release/vigia.dll');
  if (!existsSync(dll)) throw new Error(`vigia.dll not found at ${dll}: build it (dotnet build src/Vigia.Cli -c Release) or set VIGIA_DLL`);
  return dll;
}

/** The browser: CHROMIUM, else Debian's /usr/bin/chromium. Nothing is downloaded. */
export function chromiumPath() {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`chromium not found at ${path}: apt-get install chromium, or set CHROMIUM`);
  return path;
}

/** Runs `vigia ARGS…` to completion; returns stdout, throws with stderr on a non-zero exit. */
export function vigia(...args) {
  const r = spawnSync('dotnet', [vigiaDll(), ...args], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
  if (r.status !== 0) throw new Error(`vigia ${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** The secret a `sensors add` / `keys add` printed (vgs_… or vgk_…). */
export function secretFrom(stdout, prefix) {
  const m = stdout.match(new RegExp(`\\b(${prefix}_[A-Za-z0-9_\\-]+)`));
  if (!m) throw new Error(`no ${prefix}_ secret in: ${stdout}`);
  return m[1];
}

export function tempDataDir(tag) {
  return mkdtempSync(join(tmpdir(), `vigia-${tag}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

export async function freePort() {
  return await new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export { sleep };

/**
 * `vigia serve --data DIR --urls http://127.0.0.1:PORT [extra…]` as a child process; resolves once
 * /readyz answers 200. `stop()` sends SIGTERM and waits for the exit (SIGKILL after 10 s).
 */
export async function startServer({ data, port, extra = [], log = false }) {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [vigiaDll(), 'serve', '--data', data, '--urls', url, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (log) process.stderr.write(chunk);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  let dead = null;
  void exited.then((e) => (dead = e));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dead) throw new Error(`vigia serve exited (${JSON.stringify(dead)}) before it was ready:\n${output}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`vigia serve not ready after 60 s:\n${output}`);
    }
    await sleep(200);
  }
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (dead) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** POST /api/v1/observations with a bearer token; throws with the problem document on a refusal. */
export async function postObservations(url, token, observations) {
  const r = await fetch(`${url}/api/v1/observations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ observations }),
  });
  if (r.status !== 200) throw new Error(`POST /api/v1/observations: ${r.status} ${await r.text()}`);
  return await r.json();
}

export async function getJson(url, path, key) {
  const r = await fetch(`${url}${path}`, { headers: { Authorization: `Bearer ${key}` } });
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return await r.json();
}

/** Headless Debian chromium with software WebGL (SwiftShader through ANGLE): MapLibre needs WebGL. */
export async function launchBrowser(extraArgs = []) {
  return await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--use-gl=angle', '--disable-dev-shm-usage', ...extraArgs],
  });
}

export function ensureArtifactsDir() {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

/** True for URLs that stay on this machine (or never leave the page). */
export function isLoopbackUrl(raw) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return ['127.0.0.1', 'localhost', '[::1]', '::1'].includes(u.hostname);
}

/**
 * The end-to-end test's recorder, for other tests: every request outside loopback is recorded in
 * `offLoopback` and aborted; console errors (and `map:`/`stream:`/`replay stream:` warnings) and page errors
 * of `page` go to `consoleProblems`, except messages `expected(message)` says a test caused on purpose.
 */
export async function recordProblems(context, page, consoleProblems, offLoopback, expected = () => false) {
  context.on('request', (r) => {
    if (!isLoopbackUrl(r.url())) offLoopback.push(r.url());
  });
  await context.route((url) => !isLoopbackUrl(url.href), (route) => {
    offLoopback.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  page.on('console', (m) => {
    const text = m.text();
    if ((m.type() === 'error' || (m.type() === 'warning' && /^(map:|stream:|replay stream:)/.test(text))) && !expected(m)) consoleProblems.push(`${m.type()}: ${text}`);
  });
  page.on('pageerror', (e) => consoleProblems.push(`pageerror: ${e.message}`));
}

/**
 * A test's traffic source: `tick()` (defined by the subclass) posts one round; `start()` runs it now and then
 * once a second until `stop()`; failures go to `errors` (the tests assert it stays empty).
 */
export class EverySecond {
  constructor() {
    this.timer = null;
    this.errors = [];
  }

  start() {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), 1000);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
