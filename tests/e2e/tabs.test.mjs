// Two tabs of one browser profile (issue 6): on the same workspace the second one is read-only,
// writes nothing, and can take the workspace over; on different workspaces both work, and the
// list of workspaces keeps what each tab created.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// A person looks at one tab at a time: a tab in the background draws nothing (no animation
// frames), so the test brings the tab it uses to the front, as a click on its tab would.
async function use(app) {
  await app.page.bringToFront();
  return app;
}

async function waitSaved(app) {
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
}

// A second tab of the same browser, counting what it writes to IndexedDB, by key.
async function secondTab(context, name) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__puts = [];
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      window.__puts.push(String(key));
      return put.apply(this, arguments);
    };
  });
  const app = new AppPage(page, name);
  await app.goto(site.url);
  return app;
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
  await fillField(app, 'Inherent likelihood', '3');
  await fillField(app, 'Inherent impact', '3');
  await app.click('Add');
  await app.find({ label: title, window: 'Main' });
  await app.click('Close');
}

async function renameRisk(app, from, to) {
  await app.click({ label: from, window: 'Main' });
  await fillTitle(app, to);
  await app.click('Save');
}

test('two tabs on one workspace: the second is read-only until it takes over, and nothing is lost', async () => {
  const { context } = await openBrowser();
  const a = await AppPage.open(context, site.url, 'tabs-first');
  await createWorkspace(a, 'Shared engagement');
  await openRisks(a);
  await addRisk(a, 'Ransomware');
  await waitSaved(a);

  const b = await secondTab(context, 'tabs-second');
  await b.clickRowAction('Shared engagement', 'Open');
  await b.waitText('lock-banner', /open in another tab or window\. It is read-only here so the two do not overwrite each other\./);
  assert.equal(await a.has({ id: 'lock-banner' }), false, 'the tab that holds it stays writable');
  await b.screenshot('read-only-banner');

  // An edit attempt in the read-only tab: Save is off and says why; the typed text stays on screen.
  await openRisks(b);
  await renameRisk(b, 'Ransomware', 'Changed in the read-only tab');
  assert.equal((await b.find('Save')).disabled, true);
  await b.find({ id: 'editor-read-only' });
  assert.match(await b.text('editor-title'), /unsaved changes/);
  await b.screenshot('read-only-editor');
  await b.click('Discard changes');
  // Renaming the workspace is refused too, with the reason.
  await b.click({ label: 'Overview', window: 'Navigation' });
  await b.click('Rename workspace');
  await b.fill('New workspace name', 'Renamed in the read-only tab');
  await b.click('Save name');
  await b.waitText('error:New workspace name', /read-only in this tab because it is open in another tab or window/);
  await b.click('Cancel');
  await b.settle();
  const workspaceKeys = (await b.page.evaluate(() => window.__puts)).filter((key) => key.includes('/ws-'));
  assert.deepEqual(workspaceKeys, [], 'the read-only tab wrote nothing of the workspace to IndexedDB');

  // Take over: the first tab writes back what it has and becomes read-only with its own banner.
  await use(a);
  await a.waitText('current-workspace', 'Shared engagement');
  await openRisks(a);
  await addRisk(a, 'Phishing');
  await waitSaved(a);
  // The read-only tab shows what the holder saved, without a reload.
  await use(b);
  await openRisks(b);
  await b.find({ label: 'Phishing', window: 'Main' });
  await use(a);
  await addRisk(a, 'Insider');  // written just before the take-over: must reach the second tab
  await use(b);
  await b.click('Take over');
  await b.gone({ id: 'lock-banner' });
  await use(a);
  await a.waitText('lock-banner', /Another tab or window took over this workspace\. It is read-only here now/);
  await a.screenshot('taken-over-banner');
  await use(b);
  await b.find({ label: 'Insider', window: 'Main' });  // read again after the take-over
  await renameRisk(b, 'Ransomware', 'Ransomware (second tab)');
  await b.find({ label: 'Ransomware (second tab)', window: 'Main' });
  await waitSaved(b);
  await b.screenshot('after-take-over');

  // And back: the first tab takes over and sees the second tab's change.
  await use(a);
  await a.click('Take over');
  await a.gone({ id: 'lock-banner' });
  await a.find({ label: 'Ransomware (second tab)', window: 'Main' });
  await addRisk(a, 'Supplier breach');
  await waitSaved(a);
  await use(b);
  await b.waitText('lock-banner', /Another tab or window took over this workspace/);

  // Both tabs' work is kept: a fresh load reads it back from IndexedDB.
  await b.page.close();
  await use(a);
  await a.reload();
  await a.clickRowAction('Shared engagement', 'Open');
  await openRisks(a);
  for (const title of ['Ransomware (second tab)', 'Phishing', 'Insider', 'Supplier breach']) {
    await a.find({ label: title, window: 'Main' });
  }
  await a.waitText('count:risk', /^4 record/);
  a.assertNoProblems();
  b.assertNoProblems();
});

test('two tabs on different workspaces both work, and the list keeps what each created', async () => {
  const { context } = await openBrowser();
  const a = await AppPage.open(context, site.url, 'tabs-different-first');
  const b = await secondTab(context, 'tabs-different-second');  // both have read the (empty) list
  await use(a);
  await createWorkspace(a, 'Alpha engagement');
  await use(b);
  await createWorkspace(b, 'Beta engagement');
  await use(a);
  await openRisks(a);
  await addRisk(a, 'Made in Alpha');
  assert.equal(await a.has({ id: 'lock-banner' }), false);
  await waitSaved(a);
  await use(b);
  await openRisks(b);
  await addRisk(b, 'Made in Beta');
  assert.equal(await b.has({ id: 'lock-banner' }), false);
  await waitSaved(b);

  // Each tab's list shows the other's workspace without a reload.
  await b.click({ label: /^All workspaces/, window: 'Navigation' });
  await b.find({ label: 'Alpha engagement', window: 'Main' });
  await b.screenshot('both-listed');
  await use(a);
  await a.click({ label: /^All workspaces/, window: 'Navigation' });
  await a.find({ label: 'Beta engagement', window: 'Main' });

  // After closing both, the kept list has both, and each workspace its record.
  await b.page.close();
  await use(a);
  await a.reload();
  await a.find({ label: /^All workspaces \(2\)$/ });
  for (const [name, risk] of [['Alpha engagement', 'Made in Alpha'], ['Beta engagement', 'Made in Beta']]) {
    await a.click({ label: /^All workspaces/, window: 'Navigation' });
    await a.clickRowAction(name, 'Open');
    await a.waitText('page-title', name);
    await openRisks(a);
    await a.find({ label: risk, window: 'Main' });
  }
  a.assertNoProblems();
  b.assertNoProblems();
});
