// Undo and redo (issue 4) with a person's keys and mouse: Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z outside
// text fields, the top bar's two buttons, and the stack kept across a reload of the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, createWorkspace, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// The top bar's button for `which` ('undo' or 'redo'): its name (what the tooltip says) and
// whether it can be clicked (the ImGui button at the same place).
async function topButton(app, which) {
  const named = await app.find({ id: `${which}-button` });
  const button = (await app.items()).find((it) => it.kind !== 'text' && it.id !== named.id &&
    Math.abs(it.x - named.x) < 1 && Math.abs(it.y - named.y) < 1);
  assert.ok(button, `no ${which} button under its name`);
  return { label: named.label, disabled: button.disabled };
}

test('undo and redo edits by keyboard and mouse, and after a reload', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'undo');
  await createWorkspace(app);
  assert.deepEqual(await topButton(app, 'undo'), { label: 'Nothing to undo', disabled: true });
  assert.deepEqual(await topButton(app, 'redo'), { label: 'Nothing to redo', disabled: true });

  await openRisks(app);
  await addRisk(app, 'Ransomware', '4', '3');
  await app.waitText('count:risk', '1 record');

  // The title edited in the editor, saved; the editor stays open on the risk.
  await app.click({ label: 'Ransomware', window: 'Main' });
  await fillField(app, 'Title', 'Ransomware attack');
  await app.click('Save');
  await app.find({ label: 'Saved risk "Ransomware attack".' });
  assert.equal((await topButton(app, 'undo')).label, 'Undo edit of risk "Ransomware attack"');
  await app.screenshot('edited');

  // Ctrl+Z: the old title, in the table and in the editor (it had no unsaved text).
  await app.press('Control+z');
  await app.find({ label: 'Undone: edit of risk "Ransomware attack".' });
  await app.waitText('editor-title', 'Ransomware');
  await app.gone({ label: 'Ransomware attack', window: 'Main' });
  await app.find({ label: 'Ransomware', window: 'Main', kind: 'item' });
  assert.equal((await topButton(app, 'redo')).label, 'Redo edit of risk "Ransomware"');
  await app.screenshot('undone');

  // Ctrl+Y: the new title again.
  await app.press('Control+y');
  await app.find({ label: 'Redone: edit of risk "Ransomware".' });
  await app.waitText('editor-title', 'Ransomware attack');
  await app.screenshot('redone');

  // Twice Ctrl+Z: the edit, then the creation; the risk is gone and its editor closed.
  await app.press('Control+z');
  await app.waitText('editor-title', 'Ransomware');
  await app.press('Control+z');
  await app.waitText('count:risk', '0 records');
  assert.equal(await app.text('editor-title'), null);
  assert.deepEqual(await topButton(app, 'undo'), { label: 'Nothing to undo', disabled: true });
  assert.deepEqual(await topButton(app, 'redo'), { label: 'Redo creation of risk "Ransomware"', disabled: false });
  await app.screenshot('all-undone');

  // Ctrl+Z in a text field is the field's own undo: the stack is not touched.
  await app.fill('Filter', 'x');
  await app.press('Control+z');
  await app.waitText('count:risk', '0 records');
  assert.equal((await topButton(app, 'redo')).label, 'Redo creation of risk "Ransomware"');
  await app.fill('Filter', '');

  // Reload the page: the redo is still there, and undo works after it.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await app.reload();
  await app.clickRowAction('ISMS 2027', 'Open');
  await app.waitText('page-title', 'ISMS 2027');
  await openRisks(app);
  await app.waitText('count:risk', '0 records');
  await app.press('Control+Shift+z');
  await app.waitText('count:risk', '1 record');
  await app.find({ label: 'Ransomware', window: 'Main', kind: 'item' });
  await app.press('Control+Shift+z');
  await app.find({ label: 'Ransomware attack', window: 'Main', kind: 'item' });
  await app.screenshot('redone-after-reload');
  await app.press('Control+z');
  await app.find({ label: 'Ransomware', window: 'Main', kind: 'item' });

  // The top bar's buttons, by mouse.
  await app.click({ id: 'undo-button' });
  await app.waitText('count:risk', '0 records');
  await app.click({ id: 'redo-button' });
  await app.waitText('count:risk', '1 record');
  await app.click({ id: 'redo-button' });
  await app.find({ label: 'Ransomware attack', window: 'Main', kind: 'item' });
  assert.deepEqual(await topButton(app, 'redo'), { label: 'Nothing to redo', disabled: true });
  // Unsaved text in the editor is never dropped by an undo of its record: it stays, and the
  // editor says the stored record changed.
  await app.click({ label: 'Ransomware attack', window: 'Main', kind: 'item' });
  await fillField(app, 'Description', 'Typed, not saved');
  await app.click({ id: 'editor-title' });  // out of the field: Ctrl+Z is the app's again
  await app.waitText('editor-title', 'Ransomware attack (unsaved changes)');
  await app.press('Control+z');
  await app.waitText('editor-title', 'Ransomware (unsaved changes)');
  assert.match(await app.text('editor-problem'), /^Undo or redo changed this record\. Your unsaved changes are kept/);
  await app.screenshot('unsaved-text-kept');
  await app.click('Save');
  await app.find({ label: 'Saved risk "Ransomware attack".' });  // the person's text, title included

  // The tooltip names what the next undo takes back.
  const undoButton = await app.find({ id: 'undo-button' });
  await app.after(() => app.page.mouse.move(undoButton.x + undoButton.w / 2, undoButton.y + undoButton.h / 2), 2);
  await app.page.waitForTimeout(800);
  await app.frames(2);
  await app.screenshot('tooltip');
  app.assertNoProblems();
});
