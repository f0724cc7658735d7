// Storage that lasts (issue 6): the settings panel shows what the browser says about keeping the
// data; banners say when it may not be kept (not persistent, nearly full, a failed write) and offer
// a bundle export at once; a reminder asks for an export of changes never exported.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, downloadOf, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const here = path.dirname(new URL(import.meta.url).pathname);
const version = fs.readFileSync(path.resolve(here, '../../core/version.hpp'), 'utf8').match(/app_version = "([^"]+)"/)[1];

async function waitSaved(app) {
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
}

// What the browser answers about storage, fixed before the app starts: persistence granted or
// not, and (optionally) the space used and the quota.
async function browserSaying(context, { persistent, usage, quota }) {
  await context.addInitScript(([granted, used, total]) => {
    StorageManager.prototype.persisted = () => Promise.resolve(granted);
    StorageManager.prototype.persist = () => Promise.resolve(granted);
    if (total) StorageManager.prototype.estimate = () => Promise.resolve({ usage: used, quota: total });
  }, [persistent, usage || 0, quota || 0]);
}

// The form keeps the scroll of the record before: back to its top, where the title is.
async function fillTitle(app, title) {
  const at = await editorPoint(app);
  await app.page.mouse.move(at.x, at.y);
  await app.page.mouse.wheel(0, -5000);
  await app.find({ label: 'Title', kind: 'item' });
  await fillField(app, 'Title', title);
}

async function addRisk(app, title) {
  await app.click('New risk');
  await fillTitle(app, title);
  await fillField(app, 'Inherent likelihood', '2');
  await fillField(app, 'Inherent impact', '2');
  await app.click('Add');
  await app.find({ label: title, window: 'Main' });
  await app.click('Close');
}

const gb = (bytes) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

test('the settings panel shows lasting storage, the space used and the version, and keeps the reminder days', async () => {
  const { context } = await openBrowser();
  const app = await AppPage.open(context, site.url, 'settings-panel');
  await app.click({ id: 'settings-button' });
  const persisted = await app.page.evaluate(() => navigator.storage.persisted());
  await app.waitText('settings-persistence', persisted ? /^Granted: / : /^Not granted: /);
  const { usage, quota } = await app.page.evaluate(() => navigator.storage.estimate());
  assert.ok(quota > 0, 'Chromium gives a quota');
  const shown = await app.waitText('settings-usage', / used \(/);
  assert.ok(shown.includes(`of ${gb(quota)} used`), `${shown} names the quota ${gb(quota)} (used ${usage})`);
  assert.equal(await app.text('settings-version'), `ISMS Register ${version}`);
  assert.equal(await app.text('settings-reminder-days'), '7');
  await app.screenshot('panel');

  await app.fill({ label: 'Reminder days', kind: 'item' }, '3');
  await app.waitText('settings-reminder-days', '3');
  await app.click('Close');
  await app.gone({ id: 'settings-version' });
  await app.reload();
  await app.click({ id: 'settings-button' });
  await app.waitText('settings-reminder-days', '3');  // a setting of this browser, kept
  app.assertNoProblems();
});

test('a browser that does not keep the data for good says so; the reminder shows until an export', async () => {
  const { context } = await openBrowser();
  await browserSaying(context, { persistent: false });
  const app = await AppPage.open(context, site.url, 'not-persistent');
  await app.waitText('persistence-banner', /has not promised to keep your data.*export it as a bundle/);
  await createWorkspace(app, 'Never exported');
  await app.waitText('persistence-banner', /Export a bundle now to keep a copy outside this browser\./);
  await app.find({ label: 'Export bundle', window: 'Main' });
  await app.screenshot('persistence-banner');
  // Created is not changed: no reminder yet, only the one banner.
  assert.equal(await app.has({ id: 'reminder-banner' }), false);
  await app.click({ id: 'settings-button' });
  await app.waitText('settings-persistence', /^Not granted: /);
  await app.click('Close');
  // Dismissed for this session: the reminder, next in line, takes its place once there is a change.
  await app.click({ id: 'dismiss:persistence-banner' });
  await app.gone({ id: 'persistence-banner' });
  await openRisks(app);
  await addRisk(app, 'Ransomware');
  await app.waitText('reminder-banner', /1 change that was never exported/);
  assert.equal(await app.has({ id: 'persistence-banner' }), false);
  app.assertNoProblems();
});

test('the export reminder shows for changes never exported and goes away after an export', async () => {
  const { context } = await openBrowser();
  await browserSaying(context, { persistent: true });
  const app = await AppPage.open(context, site.url, 'export-reminder');
  await createWorkspace(app, 'Never exported');
  assert.equal(await app.has({ id: 'reminder-banner' }), false, 'a new workspace has nothing to remind of');
  assert.equal(await app.has({ id: 'persistence-banner' }), false, 'storage is kept for good here');
  await openRisks(app);
  await addRisk(app, 'Ransomware');
  await app.waitText('reminder-banner', /This workspace has 1 change that was never exported\./);
  await app.screenshot('reminder');

  const bundle = await downloadOf(app, { label: 'Export bundle', window: 'Main' });
  assert.match(bundle.name, /\.isms\.json$/);
  assert.ok(bundle.bytes.toString('utf8').includes('"Ransomware"'));
  await app.gone({ id: 'reminder-banner' });
  await addRisk(app, 'Phishing');  // exported today: the next reminder waits for 7 days
  await app.settle();
  assert.equal(await app.has({ id: 'reminder-banner' }), false);
  app.assertNoProblems();
});

test('storage nearly full: a banner with the figures and Export bundle', async () => {
  const { context } = await openBrowser();
  const quota = 10 * 1024 ** 3;
  await browserSaying(context, { persistent: true, usage: 0.9 * quota, quota });
  const app = await AppPage.open(context, site.url, 'quota');
  await createWorkspace(app, 'Nearly full');
  await app.waitText('quota-banner', /nearly full: 9\.0 GB of 10\.0 GB used \(90%\)\. When it is full, changes can no longer be saved\./);
  await app.find({ label: 'Export bundle', window: 'Main' });
  await app.screenshot('quota-banner');
  app.assertNoProblems();
});

test('a failed write shows the banner with Export bundle, and loses nothing saved before', async () => {
  const { context } = await openBrowser();
  await browserSaying(context, { persistent: true });
  const app = await AppPage.open(context, site.url, 'write-failure');
  await createWorkspace(app, 'Disk trouble');
  await openRisks(app);
  await addRisk(app, 'Saved before the failure');
  await waitSaved(app);

  // The disk fills up: every IndexedDB write throws from now on.
  await app.page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await addRisk(app, 'Added while the disk was full');
  await app.waitText('storage-banner', /Changes are not being kept.*QuotaExceededError.*Export a bundle now/, { timeout: 15000 });
  await app.screenshot('write-failed');

  // Export bundle rescues what is only in memory now.
  const bundle = await downloadOf(app, { label: 'Export bundle', window: 'Main' });
  const text = bundle.bytes.toString('utf8');
  assert.ok(text.includes('"Saved before the failure"') && text.includes('"Added while the disk was full"'));

  // A fresh start: everything written before the failure is there.
  await app.reload();
  await app.clickRowAction('Disk trouble', 'Open');
  await openRisks(app);
  await app.find({ label: 'Saved before the failure', window: 'Main' });
  await app.waitText('count:risk', /^1 record/);
  app.assertNoProblems();
});
