// The deployed site (dist/) with the network gone: loaded once, it starts from its service
// worker's copy with the browser offline and the server stopped, keeps what is done there across
// a browser restart, offers a new version without swapping it in by itself, and asks nothing of
// the network after loading (its CSP refuses every connection).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startDist, distDir, siteDir, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, editorPoint, fillField, openRisks } from './lib/registers.mjs';
import { makeDist } from '../../scripts/make_dist.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const servers = [];
async function serveDist(options) {
  const server = await startDist(options);
  servers.push(server);
  return server;
}

before(() => assert.ok(fs.existsSync(path.join(distDir, 'index.html')), `no dist/ in ${distDir}`));
after(async () => {
  await closeBrowsers();
  for (const server of servers) await server.close();
});

const build = (app) => app.page.evaluate(() => window.isms.build);

// The files the service worker keeps: everything dist/ holds but itself and the single file.
function keptFiles(dir = distDir) {
  return ['./', ...fs.readdirSync(dir).filter((n) => n !== 'sw.js' && n !== 'isms-register.html')].sort();
}

// Waits until the service worker is active (it activates only once its whole copy is cached),
// and returns the names of the caches and the files in them, relative to the site.
async function offlineCopy(app) {
  return app.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const files = [];
    for (const name of names) {
      for (const request of await (await caches.open(name)).keys()) {
        const file = new URL(request.url).pathname.slice(1);
        files.push(file === '' ? './' : file);
      }
    }
    return { names, files: files.sort() };
  });
}

async function waitSaved(app) {
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
}

async function valueOf(app, label) {
  await app.reveal({ id: `value:${label}` }, await editorPoint(app));
  return app.text(`value:${label}`);
}

async function addRisk(app, title, likelihood, impact) {
  await app.click('New risk');
  await fillField(app, 'Title', title);
  await fillField(app, 'Inherent likelihood', likelihood);
  await fillField(app, 'Inherent impact', impact);
  await app.click('Add');
  await app.waitText('editor-title', title);
}

async function openWorkspaceRisks(app, workspace) {
  await app.clickRowAction(workspace, 'Open');
  await app.waitText('page-title', workspace);
  await openRisks(app);
}

test('loaded once, the site starts, works and keeps its data with the network gone', async () => {
  const server = await serveDist();
  let browser = await openBrowser();
  let app = await AppPage.open(browser.context, server.url, 'offline');
  const version = await build(app);
  assert.match(version, /^[0-9a-f]{12}$/, 'dist/ carries its version');
  const copy = await offlineCopy(app);
  assert.deepEqual(copy.names, [`isms-register-${version}`]);
  assert.deepEqual(copy.files, keptFiles(), 'every file of the site is kept for offline use');

  // The network goes: the browser is offline and the server is gone as well.
  await browser.context.setOffline(true);
  await server.close();
  await app.reload();
  assert.equal(await build(app), version);
  await createWorkspace(app, 'Audit on site, no network');
  await openRisks(app);
  await addRisk(app, 'Backup tapes leave the building unencrypted', '3', '4');
  await fillField(app, 'Inherent impact', '5');
  await app.click('Save');
  await app.waitText('editor-title', 'Backup tapes leave the building unencrypted');
  assert.equal(await valueOf(app, 'Inherent score'), '15');
  await waitSaved(app);
  await app.screenshot('offline-edited');
  app.assertNoProblems();

  // The browser closes and opens again, still offline: everything is there.
  await browser.context.close();
  browser = await openBrowser({ profileDir: browser.profileDir });
  await browser.context.setOffline(true);
  app = await AppPage.open(browser.context, server.url, 'offline-reopened');
  await openWorkspaceRisks(app, 'Audit on site, no network');
  await app.waitText('count:risk', '1 record');
  await app.click({ label: 'Backup tapes leave the building unencrypted' });
  assert.equal(await valueOf(app, 'Inherent score'), '15', 'the edited impact (3 x 5)');
  await app.screenshot('offline-reopened');
  app.assertNoProblems();
  await browser.context.close();
});

test('a new version is offered, waits for unsaved text, and is applied only by Reload', async () => {
  let server = await serveDist();
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, server.url, 'update');
  const versionA = await build(app);
  await offlineCopy(app);
  await createWorkspace(app, 'Kept across the update');
  await openRisks(app);
  await addRisk(app, 'Stolen laptop', '2', '4');
  await waitSaved(app);
  assert.equal(await app.has({ id: 'update-banner' }), false, 'no update while none is deployed');

  // Version B is deployed on the same address: the same sources with a build stamp, so another
  // boot script, other hashes and another sw.js.
  const dirB = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-dist-b-'));
  const versionB = makeDist({ moduleDir: siteDir, webDir: path.resolve(here, '../../web'), distDir: dirB,
    stamp: 'update test', single: false });
  assert.notEqual(versionB, versionA);
  await server.close();
  server = await serveDist({ dir: dirB, port: server.port });

  // The person opens the app again: it runs A from its copy while the browser installs B, which waits.
  await app.reload();
  assert.equal(await build(app), versionA);
  await app.waitText('update-banner', 'A new version of ISMS Register is available.', { timeout: 30000 });
  await app.screenshot('update-offered');

  // Mid-edit: with unsaved text in the editor, Reload waits, and nothing swaps by itself.
  await openWorkspaceRisks(app, 'Kept across the update');
  await app.click({ label: 'Stolen laptop' });
  await fillField(app, 'Title', 'Stolen laptop, disk encrypted');
  await app.waitText('update-note', /Save or discard them, then reload/);
  assert.equal((await app.find('Reload')).disabled, true, 'Reload waits for the editor');
  await app.screenshot('update-waits-for-editor');
  await app.page.waitForTimeout(1000);
  assert.equal(await build(app), versionA, 'the page never moves to the new version by itself');

  // The browser's storage refuses to write: Reload waits, since reloading would lose the change.
  await app.page.evaluate(() => {
    window.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await app.click('Save');
  await app.waitText('editor-title', 'Stolen laptop, disk encrypted');
  await app.waitText('update-note', /Reloading waits until your changes are kept/, { timeout: 15000 });
  assert.equal((await app.find('Reload')).disabled, true, 'Reload waits for the write-back');
  await app.screenshot('update-waits-for-storage');

  // Storage works again: the next change is kept, and Reload can be clicked again.
  await app.page.evaluate(() => { IDBObjectStore.prototype.put = window.realPut; });
  await fillField(app, 'Inherent impact', '5');
  await app.click('Save');
  await waitSaved(app);
  await app.gone({ id: 'update-note' });

  // One more change whose write-back has not run yet (its 250 ms debounce is held back): Reload
  // writes it back first, then moves to B.
  await app.page.evaluate(() => {
    const setTimeoutOf = window.setTimeout;
    window.setTimeout = (fn, ms, ...rest) => setTimeoutOf(fn, ms === 250 ? 600000 : ms, ...rest);
  });
  await fillField(app, 'Title', 'Stolen laptop, disk encrypted, reported');
  await app.click('Save');
  await app.waitText('editor-title', 'Stolen laptop, disk encrypted, reported');
  await app.waitText('save-status', 'Saving…');
  await app.gone({ id: 'update-note' });
  const reload = await app.find('Reload');
  assert.equal(reload.disabled, false);
  const loaded = app.page.waitForEvent('load');
  await app.page.mouse.move(reload.x + reload.w / 2, reload.y + reload.h / 2);
  await app.frames(1);
  await app.page.mouse.down();
  await app.frames(1);
  await app.page.mouse.up();
  await loaded;
  await app.ready();
  assert.equal(await build(app), versionB);
  assert.equal(await app.has({ id: 'update-banner' }), false);
  const copy = await offlineCopy(app);
  assert.deepEqual(copy.names, [`isms-register-${versionB}`], 'the old version\'s copy is gone');
  assert.deepEqual(copy.files, keptFiles(dirB));
  await openWorkspaceRisks(app, 'Kept across the update');
  await app.waitText('count:risk', '1 record');
  await app.find({ label: 'Stolen laptop, disk encrypted, reported' });
  await app.screenshot('updated');
  app.assertNoProblems();
  await browser.context.close();
  fs.rmSync(dirB, { recursive: true, force: true });
});

test('after loading, nothing reaches the network; the site can be installed', async () => {
  const server = await serveDist();
  const browser = await openBrowser();
  // Every request of the page and of its service worker, as the browser makes them.
  const seen = [];
  browser.context.on('request', (request) => seen.push(request.url()));
  const app = await AppPage.open(browser.context, server.url, 'network');
  await offlineCopy(app);
  const own = new Set([server.url, ...fs.readdirSync(distDir).map((n) => server.url + n)]);
  const strangers = () => seen.filter((url) => !own.has(url));
  assert.ok(seen.length > 0);
  assert.deepEqual(strangers(), [], 'loading asks only for the app\'s own files on 127.0.0.1');

  const cdp = await browser.context.newCDPSession(app.page);
  assert.deepEqual((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, []);
  assert.deepEqual((await cdp.send('Page.getAppManifest')).errors, []);

  // Working: a workspace, a record, an edit. Not one request.
  seen.length = 0;
  server.requests.length = 0;
  await createWorkspace(app, 'Counted requests');
  await openRisks(app);
  await addRisk(app, 'Shared admin password', '4', '4');
  await fillField(app, 'Inherent likelihood', '3');
  await app.click('Save');
  await app.waitText('editor-title', 'Shared admin password');
  await waitSaved(app);
  assert.deepEqual(seen, [], 'working makes no request');
  assert.deepEqual(server.requests, []);

  // A reload loads the app again, from the service worker's copy: the server is asked only
  // whether sw.js changed.
  await app.reload();
  await app.clickRowAction('Counted requests', 'Open');
  assert.deepEqual(strangers(), []);
  assert.deepEqual(server.requests.filter((r) => r !== 'GET /sw.js'), [], 'the app\'s files come from its copy');
  app.assertNoProblems();

  // The page may not connect anywhere, not even to its own server: the CSP refuses.
  const attempts = await app.page.evaluate(() => Promise.all(['/index.html', 'http://192.0.2.1/'].map(
    (url) => fetch(url).then(() => 'connected', (e) => e.name))));
  assert.deepEqual(attempts, ['TypeError', 'TypeError']);
  assert.ok(app.problems.some((p) => /violates the following Content Security Policy directive: "connect-src 'none'"/.test(p)),
    'the refusal is the CSP\'s');
  assert.ok(!seen.some((url) => url.includes('192.0.2.1')), 'the refused connection never left the page');
  await browser.context.close();
});
