// When the browser keeps nothing (IndexedDB blocked) or a write-back fails, a banner says so
// and the app keeps working in memory; nothing already saved is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function createWorkspace(app, name) {
  await app.click('New workspace');
  await app.fill('Workspace name', name);
  await app.fill('Client organisation', 'Contoso GmbH');
  await app.fill('Consultant', 'Jan Nowak');
  await app.click('Create workspace');
  await app.waitText('page-title', name);
}

test('blocked IndexedDB: a banner says changes are not kept, and the app still works', async () => {
  const { context } = await openBrowser();
  // As in a locked-down profile: opening IndexedDB throws.
  await context.addInitScript(() => {
    IDBFactory.prototype.open = function () { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); };
  });
  const app = await AppPage.open(context, site.url, 'storage-blocked');
  await app.waitText('storage-banner', /not keeping your data/);
  await app.waitText('save-status', /^Not saved/);
  await createWorkspace(app, 'In memory only');
  await app.find({ id: 'storage-banner' });
  await app.screenshot('blocked-banner');
  app.assertNoProblems();
  await context.close();
});

test('a failing write-back shows a banner, keeps working, and recovers on the next change', async () => {
  const { context } = await openBrowser();
  const app = await AppPage.open(context, site.url, 'storage-write-failure');
  await createWorkspace(app, 'Saved before the failure');
  await app.waitText('save-status', /^Saved in this browser/, { timeout: 15000 });

  // The disk fills up: every IndexedDB write throws from now on.
  await app.page.evaluate(() => {
    window.__realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await app.click('Rename workspace');
  await app.fill('New workspace name', 'Renamed while the disk was full');
  await app.click('Save name');
  await app.waitText('storage-banner', /Changes are not being kept.*QuotaExceededError/, { timeout: 15000 });
  await app.waitText('save-status', /^Not saved/);
  await app.waitText('page-title', 'Renamed while the disk was full');  // still working in memory
  await app.screenshot('write-failed-banner');

  // Space again: the next change writes everything back, the banner goes.
  await app.page.evaluate(() => { IDBObjectStore.prototype.put = window.__realPut; });
  await app.click('Rename workspace');
  await app.fill('New workspace name', 'Renamed after the disk had space');
  await app.click('Save name');
  await app.waitText('save-status', /^Saved in this browser/, { timeout: 15000 });
  await app.gone({ id: 'storage-banner' });
  await app.reload();
  await app.find({ label: 'Renamed after the disk had space', window: 'Main' });
  app.assertNoProblems();
  await context.close();
});
