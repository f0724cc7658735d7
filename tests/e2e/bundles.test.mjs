// Two consultants on two laptops (two browser profiles) share one client's register by e-mailing
// bundles: A exports, B opens it as a new workspace, both edit the same risk, B merges A's bundle
// and resolves the conflict by clicking, A merges B's bundle back, and both end with the same
// register. Downloads and uploads go through the browser's own download, file chooser and drop.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, closeBrowsers, AppPage, artifactsDir } from './lib/harness.mjs';
import { createWorkspace, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// Export > Bundle without attachments, kept as a file the other consultant receives.
async function exportBundle(app, name) {
  await app.click('Export');
  const [download] = await Promise.all([app.page.waitForEvent('download'),
    app.click({ label: 'Bundle without attachments', kind: 'item' })]);
  assert.match(download.suggestedFilename(), /^client-gmbh-isms-2027-\d{4}-\d{2}-\d{2}\.isms\.json$/);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, name);
  await download.saveAs(file);
  return file;
}

async function importByPicker(app, file) {
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Import')]);
  await chooser.setFiles(file);
}

async function importByDrop(app, file) {
  const text = fs.readFileSync(file, 'utf8');
  const dataTransfer = await app.page.evaluateHandle(([content, name]) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], name, { type: 'application/json' }));
    return transfer;
  }, [text, path.basename(file)]);
  await app.page.dispatchEvent('canvas', 'drop', { dataTransfer });
}

async function renameRisk(app, from, to, more = []) {
  await openRisks(app);
  await app.click({ label: from });
  await fillField(app, 'Title', to);
  for (const [label, text] of more) await fillField(app, label, text);
  await app.click('Save');
  await app.find({ label: `Saved risk "${to}".` });
  await app.click('Close');
}

test('two consultants exchange bundles, resolve a conflict by clicking, and end with the same register', async () => {
  const browserA = await openBrowser();
  const browserB = await openBrowser();
  const a = await AppPage.open(browserA.context, site.url, 'bundles-a');
  const b = await AppPage.open(browserB.context, site.url, 'bundles-b');

  // A starts the engagement and one risk.
  await createWorkspace(a);
  await openRisks(a);
  await a.click('New risk');
  await fillField(a, 'Title', 'Ransomware');
  await fillField(a, 'Inherent likelihood', '3');
  await fillField(a, 'Inherent impact', '4');
  await a.click('Add');
  await a.waitText('count:risk', '1 record');
  await a.click('Close');
  const first = await exportBundle(a, 'first.isms.json');

  // B has no such workspace: the bundle opens as a new one.
  await importByPicker(b, first);
  await b.waitText('page-title', 'ISMS 2027');
  await openRisks(b);
  await b.find({ label: 'Ransomware' });
  await b.screenshot('opened-from-bundle');

  // Both rename the same risk; only B changes its impact.
  await renameRisk(a, 'Ransomware', 'Ransomware on file servers');
  await renameRisk(b, 'Ransomware', 'Ransomware via phishing', [['Inherent impact', '5']]);
  const fromA = await exportBundle(a, 'from-a.isms.json');

  // B merges A's bundle (dropped on the window): a preview, the conflict, nothing written yet.
  await importByDrop(b, fromA);
  await b.find({ id: 'merge-total' });
  assert.match(await b.text('merge-total'), /1 conflicting/);
  await b.screenshot('merge-preview');
  await b.find({ id: 'conflict:Ransomware via phishing:Title' });
  await b.click({ label: 'Take theirs: Ransomware on file servers' });
  await b.click('Merge');
  await b.gone({ id: 'merge-total' });
  await b.find({ label: 'Ransomware on file servers' });
  await b.screenshot('merged');

  // A merges B's bundle back: B's choice wins without asking again, B's impact comes along.
  const fromB = await exportBundle(b, 'from-b.isms.json');
  await importByPicker(a, fromB);
  await a.find({ id: 'merge-no-conflicts' });
  await a.click('Merge');
  await a.gone({ id: 'merge-total' });
  await openRisks(a);
  await a.click({ label: 'Ransomware on file servers' });
  for (const app of [a, b]) {
    if (app === b) await b.click({ label: 'Ransomware on file servers' });
    await app.reveal({ id: 'value:Inherent score' }, await editorPoint(app));
    assert.equal(await app.text('value:Inherent score'), '15', 'both have B\'s impact: 3 x 5');
  }

  // Importing the same bundle again changes nothing.
  await importByPicker(a, fromB);
  await a.find({ id: 'merge-total' });
  assert.match(await a.text('merge-total'), /^0 added, 0 changed, 0 deleted, 0 conflicting/);
  await a.click('Cancel');
  a.assertNoProblems();
  b.assertNoProblems();
});
