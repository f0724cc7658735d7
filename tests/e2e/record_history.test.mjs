// The record's history in its editor (issue 4, item 3: "who changed what, when") and the
// navigation's overdue flags beside the counts (item 1), with a person's mouse and keys.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, createWorkspace, editorPoint, fillField, openRisks, revealInEditor } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const when = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;

// The whole history, scrolling down from where it starts on screen: each item's text as
// reported when it was on screen, by its key (the keys are stable), until nothing new shows.
async function collectHistory(app) {
  const seen = new Map();
  const at = await editorPoint(app);
  for (let step = 0, unchanged = 0; step < 60 && unchanged < 3; step++) {
    const before = seen.size;
    for (const it of await app.items()) if (/^history-(entry|change):/.test(it.id)) seen.set(it.id, it.label);
    unchanged = seen.size === before ? unchanged + 1 : 0;
    await app.page.mouse.move(at.x, at.y);
    await app.after(() => app.page.mouse.wheel(0, 120), 2);
  }
  const entries = [];
  for (let n = 0; seen.has(`history-entry:${n}`); n++) {
    const [what, who, at] = seen.get(`history-entry:${n}`).split(' · ');
    assert.match(at, when);
    const lines = [];
    for (let i = 0; seen.has(`history-change:${n}:${i}`); i++) lines.push(seen.get(`history-change:${n}:${i}`));
    entries.push({ what, who, lines });
  }
  return entries;
}

async function save(app, title) {
  await app.click('Save');
  await app.find({ label: `Saved risk "${title}".` });
}

test('the history of a risk: edits, a status change and an undo, newest first with who and what', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'record_history');
  await createWorkspace(app);
  await openRisks(app);
  await addRisk(app, 'Ransomware', '4', '3');

  // Two fields edited, each saved; then the status changed and saved.
  await app.click({ label: 'Ransomware', window: 'Main' });
  await fillField(app, 'Title', 'Ransomware attack');
  await save(app, 'Ransomware attack');
  await fillField(app, 'Threat', 'Encryption of the file shares');
  await save(app, 'Ransomware attack');
  await revealInEditor(app, { id: 'transition:assessed' });  // a stored record moves by its lifecycle's steps
  await app.click({ id: 'transition:assessed' });
  await save(app, 'Ransomware attack');
  // The status change taken back.
  await app.click({ id: 'editor-title' });  // out of any field: Ctrl+Z is the app's
  await app.press('Control+z');
  await app.find({ label: 'Undone: edit of risk "Ransomware attack".' });

  // The History section is folded at first: nothing of it is drawn.
  await revealInEditor(app, { label: 'History', kind: 'item' });
  assert.equal(await app.has({ id: 'history-entry:0' }), false);
  await app.click({ label: 'History', kind: 'item' });
  await revealInEditor(app, { id: 'history-entry:0' });  // unfolded below the header, scrolled to
  await app.screenshot('history-open');

  // Every change set and line, read while scrolling the editor down to the oldest.
  const all = await collectHistory(app);
  await app.screenshot('history-oldest');
  assert.equal(all.length, 5);
  const who = 'Anna Dvořák';  // the workspace's consultant: no name is set in this browser
  assert.deepEqual(all[0], { what: 'Undo: edit of risk "Ransomware attack"', who, lines: ['Status: Assessed → Identified'] });
  assert.deepEqual(all[1], { what: 'Edited', who, lines: ['Status: Identified → Assessed'] });
  assert.deepEqual(all[2], { what: 'Edited', who, lines: ['Threat: (empty) → Encryption of the file shares'] });
  assert.deepEqual(all[3], { what: 'Edited', who, lines: ['Title: Ransomware → Ransomware attack'] });
  assert.equal(all[4].what, 'Created');
  assert.equal(all[4].who, who);
  for (const line of ['Title: Ransomware', 'Inherent likelihood: 4', 'Inherent impact: 3', 'Status: Identified']) {
    assert.ok(all[4].lines.includes(line), `creation lists "${line}": ${all[4].lines}`);
  }

  // A new edit shows at once at the top (the history is read again when the data changes).
  await fillField(app, 'Vulnerability', 'Unpatched servers');
  await save(app, 'Ransomware attack');
  await revealInEditor(app, { id: 'history-entry:0' });
  const after = await collectHistory(app);
  assert.equal(after.length, 6);
  assert.deepEqual(after[0], { what: 'Edited', who, lines: ['Vulnerability: (empty) → Unpatched servers'] });
  assert.deepEqual(after[1], all[0]);
  await app.screenshot('history-after-edit');
  app.assertNoProblems();
});

test('overdue records flag their register and folded group in the navigation', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'overdue_navigation');
  await createWorkspace(app);
  await openRisks(app);
  assert.equal(await app.has({ id: 'overdue-nav:risk' }), false);

  // Two risks whose next review has passed, one not yet due: two overdue.
  await addRisk(app, 'Alpha outage', '2', '2', [['Next review', '2020-01-15']]);
  await addRisk(app, 'Beta breach', '3', '2', [['Next review', '2021-06-30']]);
  await addRisk(app, 'Gamma leak', '2', '3', [['Next review', '2099-01-01']]);
  await app.waitText('overdue-nav:risk', '2 overdue');
  await app.find({ label: 'Risks (3)', window: 'Navigation' });
  await app.screenshot('risks-flagged');

  // The tooltip says how many.
  const entry = await app.find({ label: 'Risks (3)', window: 'Navigation' });
  await app.after(() => app.page.mouse.move(entry.x + entry.w - 20, entry.y + entry.h / 2), 2);
  await app.page.waitForTimeout(800);
  await app.frames(2);
  await app.screenshot('flag-tooltip');

  // Closing one of them takes it off the count.
  await app.click({ label: 'Beta breach', window: 'Main' });
  await revealInEditor(app, { id: 'transition:closed' });  // a stored record moves by its lifecycle's steps
  await app.click({ id: 'transition:closed' });
  await app.click('Save');
  await app.find({ label: 'Saved risk "Beta breach".' });
  await app.waitText('overdue-nav:risk', '1 overdue');

  // Folded, the Risk group carries the flag itself; unfolded, its entries do.
  await app.click('Close');
  await app.click({ label: 'Dashboard', window: 'Navigation' });
  await app.waitText('page-title', 'Dashboard');
  await app.click({ label: 'Risk', window: 'Navigation' });
  await app.waitText('overdue-group:Risk', '1 overdue');
  assert.equal(await app.has({ id: 'overdue-nav:risk' }), false);
  await app.screenshot('group-flagged');
  await app.click({ label: 'Risk', window: 'Navigation' });
  await app.waitText('overdue-nav:risk', '1 overdue');
  assert.equal(await app.has({ id: 'overdue-group:Risk' }), false);
  app.assertNoProblems();
});
