// Who uses this browser (issue 5, authorship): the name set in the settings panel is kept in
// this browser, authors the person's changes, and names them as the sender of their bundles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, createWorkspace, downloadOf, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function openSettings(app) {
  await app.click({ id: 'settings-button' });
  await app.find({ label: 'Your name', kind: 'item' });
}

test('the name set in the settings authors changes and bundles, and is kept after a reload', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'person-name');
  await createWorkspace(app);

  await openSettings(app);
  await app.fill({ label: 'Your name', kind: 'item' }, 'x'.repeat(101));
  await app.click('Save name');
  await app.find({ label: 'A name can be at most 100 characters long.' });
  await app.fill({ label: 'Your name', kind: 'item' }, 'Ben Novák');
  await app.click('Save name');
  await app.gone({ label: 'A name can be at most 100 characters long.' });
  await app.screenshot('settings-with-name');
  await app.click({ label: 'Close', window: 'Settings and storage' });
  await app.find({ label: 'Your changes are now recorded as made by Ben Novák.' });

  await openRisks(app);
  await addRisk(app, 'Stolen laptop', '3', '3');
  await app.click('Export');
  const { bytes } = await downloadOf(app, { label: 'Bundle without attachments', kind: 'item' });
  const bundle = JSON.parse(bytes.toString('utf8'));
  assert.equal(bundle.content.exported_by, 'Ben Novák');
  const risk = bundle.content.records.find((r) => r.kind === 'risk');
  assert.equal(risk.created_by, 'Ben Novák');

  // After a reload the name is still this browser's: a new workspace's bundle names it too.
  await app.reload();
  await createWorkspace(app, 'Second engagement');
  await app.click('Export');
  const again = await downloadOf(app, { label: 'Bundle without attachments', kind: 'item' });
  assert.equal(JSON.parse(again.bytes.toString('utf8')).content.exported_by, 'Ben Novák');
  app.assertNoProblems();
});
