// Evidence attached to a record through the browser's own file chooser, opened through a real
// download, and read from IndexedDB only when opened: reopening the workspace after a reload
// must not read any attachment bytes (issue 7: "loaded only when opened").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, downloadOf, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// Every key the page reads from IndexedDB one by one (IDBFS reads each file of a load this way).
function recordIndexedDbReads() {
  window.__idbReads = [];
  const get = IDBObjectStore.prototype.get;
  IDBObjectStore.prototype.get = function(key) {
    window.__idbReads.push(String(key));
    return get.apply(this, arguments);
  };
}
const blobReads = (app) => app.page.evaluate(() => window.__idbReads.filter((k) => k.includes('/blobs/')));

// How many attachment files the browser keeps, read straight from IndexedDB.
function keptBlobCount(app) {
  return app.page.evaluate(async () => {
    let count = 0;
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      if (db.objectStoreNames.contains('FILE_DATA')) {
        const keys = await new Promise((resolve) => {
          const request = db.transaction('FILE_DATA').objectStore('FILE_DATA').getAllKeys();
          request.onsuccess = () => resolve(request.result);
        });
        count += keys.filter((k) => /\/blobs\/[0-9a-f]{64}$/.test(String(k))).length;
      }
      db.close();
    }
    return count;
  });
}

async function openRisk(app, title) {
  await openRisks(app);
  if (title) await app.click({ label: title });
}

test('attach a file to a risk, open it, and find it again after a reload without loading it early', async () => {
  const browser = await openBrowser();
  await browser.context.addInitScript(recordIndexedDbReads);
  let app = await AppPage.open(browser.context, site.url, 'evidence');
  await createWorkspace(app, 'Evidence 2027');

  await openRisk(app);
  await app.click('New risk');
  for (const [label, text] of [['Title', 'Backups fail silently'], ['Inherent likelihood', '3'], ['Inherent impact', '4']]) {
    await fillField(app, label, text);
  }
  await app.click('Add');
  await app.waitText('count:risk', '1 record');

  // The browser's file chooser, as a person would use it.
  const evidence = Buffer.from('%PDF-1.7\nrestore test of 2026-11-20: all 14 systems restored\n\u00e9\u0142\n');
  await app.reveal('Attach file', await editorPoint(app));
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Attach file')]);
  await chooser.setFiles({ name: 'restore-test.pdf', mimeType: 'application/pdf', buffer: evidence });
  await app.find({ label: 'Attached "restore-test.pdf".' });
  await app.reveal({ id: 'attachment:restore-test.pdf' }, await editorPoint(app));
  await app.screenshot('attached');

  let got = await downloadOf(app, 'Open');
  assert.equal(got.name, 'restore-test.pdf');
  assert.deepEqual(got.bytes, evidence);

  // Kept across a reload; the workspace opens without reading the bytes.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await app.reload();
  await app.clickRowAction('Evidence 2027', 'Open');
  await app.waitText('page-title', 'Evidence 2027');
  await openRisk(app, 'Backups fail silently');
  await app.reveal({ id: 'attachment:restore-test.pdf' }, await editorPoint(app));
  assert.deepEqual(await blobReads(app), [], 'no attachment bytes are read before they are opened');

  got = await downloadOf(app, 'Open');
  assert.deepEqual(got.bytes, evidence);
  assert.equal((await blobReads(app)).length, 1, 'opening reads the one file, once');
  await app.screenshot('opened-after-reload');

  // Removing asks first, then the record's list is empty.
  await app.click('Remove');
  await app.screenshot('remove-confirmation');
  await app.click({ label: 'Remove', window: 'Remove attachment' });
  await app.gone({ id: 'attachment:restore-test.pdf' });
  await app.reveal({ id: 'attachments-none' }, await editorPoint(app));

  // Its bytes stay (restorable) until the person frees them on the workspace's overview.
  assert.equal(await keptBlobCount(app), 1);
  await app.click({ label: 'Overview', window: 'Navigation' });
  await app.waitText('evidence-deleted', '1 file of deleted attachments kept (66 bytes)');
  await app.click('Free this space');
  await app.screenshot('free-space-confirmation');
  await app.click('Free the space');
  await app.gone({ id: 'evidence-deleted' });
  // The deletion is queued behind any write-back: wait for it, up to 10 s.
  let kept = await keptBlobCount(app);
  for (let i = 0; i < 50 && kept !== 0; i++) {
    await app.page.waitForTimeout(200);
    kept = await keptBlobCount(app);
  }
  assert.equal(kept, 0, 'the freed bytes are gone from IndexedDB');
  app.assertNoProblems();
});
