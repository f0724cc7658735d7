// A register used through its table and editor, both made from its definition: add a risk,
// see the level core computes, be refused with the message next to the field without losing
// what was typed, filter and sort the table, and find it all again after a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function valueOf(app, label) {
  await app.reveal({ id: `value:${label}` }, await editorPoint(app));
  return app.text(`value:${label}`);
}

test('add, refuse, correct, filter and keep risks through the register table and editor', async () => {
  const browser = await openBrowser();
  let app = await AppPage.open(browser.context, site.url, 'registers');
  await createWorkspace(app);
  await openRisks(app);
  assert.equal(await app.text('count:risk'), '0 records');

  // An empty form is refused field by field; nothing is written.
  await app.click('New risk');
  await app.click('Add');
  assert.equal(await app.text('error:Title'), 'Title is required.');
  assert.equal(await app.text('count:risk'), '0 records');
  await app.screenshot('refused-empty');

  // A likelihood off the method's scale: the message names it, the typed text stays.
  await fillField(app, 'Title', 'Ransomware on the file servers');
  await fillField(app, 'Inherent likelihood', '9');
  await fillField(app, 'Inherent impact', '3');
  await app.click('Add');
  await app.reveal({ id: 'error:Inherent likelihood' }, await editorPoint(app));
  await app.waitText('error:Inherent likelihood', /between 1 and 5/);
  assert.match(await app.text('editor-title'), /unsaved changes/);
  await app.screenshot('refused-scale');

  await fillField(app, 'Inherent likelihood', '4');
  await app.click('Add');
  await app.waitText('count:risk', '1 record');
  assert.equal(await valueOf(app, 'Inherent score'), '12');
  assert.equal(await valueOf(app, 'Inherent level'), 'high');
  assert.equal(await app.text('editor-title'), 'Ransomware on the file servers');
  await app.find({ label: 'Ransomware on the file servers' });
  await app.screenshot('added');

  // A second risk, then the filter finds one of the two.
  await app.click('Close');
  await app.click('New risk');
  await fillField(app, 'Title', 'Phishing of payroll staff');
  await fillField(app, 'Inherent likelihood', '2');
  await fillField(app, 'Inherent impact', '2');
  await app.click('Add');
  await app.waitText('count:risk', '2 records');
  await app.click('Close');
  await app.fill('Filter', 'payroll');
  await app.gone({ label: 'Ransomware on the file servers' });
  await app.find({ label: 'Phishing of payroll staff' });
  await app.fill('Filter', '');
  await app.find({ label: 'Ransomware on the file servers' });

  // Sorting by the level, highest first (second click on the header; levels sort Low to Critical).
  await app.click({ id: 'header:Inherent level' });
  await app.click({ id: 'header:Inherent level' });
  const high = await app.find({ label: 'Ransomware on the file servers' });
  const low = await app.find({ label: 'Phishing of payroll staff' });
  assert.ok(high.y < low.y, 'the higher score comes first');
  await app.screenshot('sorted');

  // Editing an existing risk: open it from the table, change it, save.
  await app.click({ label: 'Phishing of payroll staff' });
  await fillField(app, 'Inherent impact', '4');  // 2 x 4 = 8: medium
  await app.click('Save');
  await app.waitText('count:risk', '2 records');
  assert.equal(await valueOf(app, 'Inherent level'), 'medium');

  // Everything is still there after a reload.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await app.reload();
  await app.clickRowAction('ISMS 2027', 'Open');
  await app.waitText('page-title', 'ISMS 2027');
  await openRisks(app);
  await app.waitText('count:risk', '2 records');
  await app.find({ label: 'Phishing of payroll staff' });
  await app.screenshot('after-reload');
  app.assertNoProblems();
});
