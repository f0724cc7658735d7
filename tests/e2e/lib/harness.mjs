// What every browser test needs: the built site served on 127.0.0.1, Debian's Chromium driven by
// playwright-core, and a person's hands: real mouse and keyboard events at the places the app's
// automation bridge (window.isms.ui) reports. Screenshots go to $ISMS_ARTIFACTS.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../../scripts/serve.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
export const siteDir = process.env.ISMS_SITE_DIR || path.resolve(here, '../../../build/web/site');
export const artifactsDir = process.env.ISMS_ARTIFACTS || path.resolve(here, '../../../build/e2e-artifacts');

// Flags from TOOLCHAIN.md: software WebGL, and no background traffic to a closed network.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-extensions',
];

export async function startSite() {
  assert.ok(fs.existsSync(path.join(siteDir, 'index.html')), `no built site in ${siteDir}: run scripts/build.sh`);
  const server = await serve(siteDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((r) => server.close(r)) };
}

export const distDir = process.env.ISMS_DIST_DIR || path.resolve(here, '../../../build/web/dist');

// The deployable site (dist/, or another build of it in `dir`) on 127.0.0.1. `requests` lists
// every request that reached the server ("GET /sw.js"). close() stops it for real, open
// connections included. Serving again on the same `port` keeps the origin, so the browser's
// service worker and storage carry over: that is how a test deploys a new version.
export async function startDist({ dir = distDir, port = 0 } = {}) {
  assert.ok(fs.existsSync(path.join(dir, 'sw.js')), `no dist/ in ${dir}: run scripts/build.sh`);
  const requests = [];
  const server = await serve(dir, port, '127.0.0.1', { onRequest: (method, url) => requests.push(`${method} ${url}`) });
  const bound = server.address().port;
  return {
    url: `http://127.0.0.1:${bound}/`,
    port: bound,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

export function freshProfileDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'isms-e2e-profile-'));
}

const openContexts = new Set();

// Closes every browser a test file opened, also those a failed test left open (a browser still
// running keeps node's test runner waiting). Call from the file's after() hook.
export async function closeBrowsers() {
  for (const context of openContexts) await context.close().catch(() => {});
  openContexts.clear();
}

// A browser with its own profile folder, so "close the browser and come back" is real.
export async function openBrowser({ profileDir = freshProfileDir(), width = 1366, height = 768, dpr = 1, permissions = [] } = {}) {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    viewport: { width, height },
    deviceScaleFactor: dpr,
    permissions,
  });
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return { context, profileDir };
}

// One page of the app, with its console watched: any error fails the test at the end.
export class AppPage {
  constructor(page, name) {
    this.page = page;
    this.name = name;
    this.problems = [];
    this.shots = 0;
    page.on('console', (m) => { if (m.type() === 'error') this.problems.push(`console.error: ${m.text()}`); });
    page.on('pageerror', (e) => this.problems.push(`page error: ${e.message}`));
  }

  static async open(context, url, name) {
    const page = context.pages()[0] || (await context.newPage());
    const app = new AppPage(page, name);
    await app.goto(url);
    return app;
  }

  async goto(url) {
    await this.page.goto(url);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async ready() {
    await this.page.waitForFunction(() => window.isms && window.isms.ready, null, { timeout: 30000 });
    await this.page.evaluate(() => window.isms.ready);
    await this.settle();
  }

  frameCount() { return this.page.evaluate(() => window.isms.ui.frameCount()); }
  items() { return this.page.evaluate(() => window.isms.ui.items()); }

  // Waits until the app has drawn `n` more frames (each input wakes it for a few).
  async frames(n = 2) {
    const start = await this.frameCount();
    await this.page.waitForFunction((s) => window.isms.ui.frameCount() >= s, start + n, { timeout: 10000 });
  }

  // Sends an input and waits until the app has drawn `n` frames since. The count is read before
  // the input: read after it, the app may already have drawn its few frames and gone still, and
  // the wait would never end.
  async after(input, n) {
    const start = await this.frameCount();
    await input();
    await this.page.waitForFunction((s) => window.isms.ui.frameCount() >= s, start + n, { timeout: 10000 });
  }

  // Waits until the app stopped drawing for a while: no input, no write-back pending (the
  // save debounce and IndexedDB answers wake it too).
  async settle() {
    let last = -1;
    let stillFor = 0;
    for (let i = 0; i < 200 && stillFor < 8; i++) {
      const now = await this.frameCount();
      stillFor = now === last ? stillFor + 1 : 0;
      last = now;
      await this.page.waitForTimeout(100);
    }
  }

  // The first item matching `query`: a label string, or {label, window, id, kind}. Waits for it.
  async find(query, { timeout = 10000 } = {}) {
    const q = typeof query === 'string' ? { label: query } : query;
    const deadline = Date.now() + timeout;
    for (;;) {
      const all = await this.items();
      const hit = all.find((it) => Object.entries(q).every(([k, v]) => (v instanceof RegExp ? v.test(it[k]) : it[k] === v)));
      if (hit) return hit;
      if (Date.now() > deadline) {
        const seen = all.map((it) => `${it.window}:${it.label}`).join(' | ');
        throw new Error(`no item ${JSON.stringify(q, (k, v) => (v instanceof RegExp ? String(v) : v))} on screen; seen: ${seen}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  async has(query) {
    try { await this.find(query, { timeout: 300 }); return true; } catch { return false; }
  }

  async gone(query, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    while (await this.has(query)) {
      if (Date.now() > deadline) throw new Error(`still on screen: ${JSON.stringify(query)}`);
      await this.page.waitForTimeout(50);
    }
  }

  // A person's click: move there, press, release, each seen by a frame.
  async click(query, options = {}) {
    const it = await this.find(query, options);
    const x = it.x + it.w / 2;
    const y = it.y + it.h / 2;
    const button = options.button || 'left';
    await this.after(() => this.page.mouse.move(x, y), 1);
    await this.after(() => this.page.mouse.down({ button }), 1);
    await this.after(() => this.page.mouse.up({ button }), 2);
    return it;
  }

  // A click near the start of a table row that spans all columns: its middle may fall on a
  // column's resize border, where a press resizes instead of selecting.
  async clickRowStart(query) {
    const row = await this.find(query);
    const x = row.x + Math.min(40, row.w / 2);
    const y = row.y + row.h / 2;
    await this.after(() => this.page.mouse.move(x, y), 1);
    await this.after(() => this.page.mouse.down(), 1);
    await this.after(() => this.page.mouse.up(), 2);
  }

  async doubleClick(query) {
    const it = await this.find(query);
    await this.after(() => this.page.mouse.dblclick(it.x + it.w / 2, it.y + it.h / 2), 2);
  }

  // Typing as a person types: one key at a time.
  async type(text) {
    await this.after(() => this.page.keyboard.type(text, { delay: 15 }), 2);
  }

  // A key (or chord like "Control+A") held for at least one frame.
  async press(keys) {
    const parts = keys.split('+');
    await this.after(async () => { for (const k of parts) await this.page.keyboard.down(k); }, 1);
    await this.after(async () => { for (const k of parts.reverse()) await this.page.keyboard.up(k); }, 2);
  }

  // Clicks a text field and replaces what it holds.
  async fill(query, text) {
    await this.click(query);
    await this.press('Control+A');
    await this.press('Delete');
    if (text) await this.type(text);
  }

  // Like find, but scrolls the panel under `at` ({x, y}) with the mouse wheel, as a person would,
  // until the item is on screen: down first, then back up.
  async reveal(query, at, { steps = 25 } = {}) {
    for (const direction of [1, -1]) {
      for (let i = 0; i < steps; i++) {
        if (await this.has(query)) return this.find(query);
        await this.page.mouse.move(at.x, at.y);
        await this.after(() => this.page.mouse.wheel(0, direction * 120), 2);
      }
    }
    return this.find(query, { timeout: 300 });
  }

  // The text of a keyed message (status, validation error), or null when it is not shown.
  async text(id) {
    const hit = (await this.items()).find((it) => it.id === id);
    return hit ? hit.label : null;
  }

  async waitText(id, pattern, { timeout = 10000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const t = await this.text(id);
      if (t !== null && (pattern instanceof RegExp ? pattern.test(t) : t === pattern)) return t;
      if (Date.now() > deadline) throw new Error(`text ${id} is ${JSON.stringify(t)}, expected ${pattern}`);
      await this.page.waitForTimeout(50);
    }
  }

  // The row in a table whose first cell is `label`, and the button `action` on the same line.
  async clickRowAction(label, action) {
    const row = await this.find({ label, window: 'Main' });
    const all = await this.items();
    const midY = row.y + row.h / 2;
    const button = all.find((it) => it.label === action && it.y <= midY && it.y + it.h >= midY);
    assert.ok(button, `no "${action}" on the row of "${label}"`);
    await this.click({ id: button.id });
  }

  async screenshot(step) {
    fs.mkdirSync(artifactsDir, { recursive: true });
    this.shots += 1;
    const file = path.join(artifactsDir, `${this.name}-${String(this.shots).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  assertNoProblems() {
    assert.deepEqual(this.problems, [], 'the browser console reported problems');
  }
}
