// A register table with the keyboard only (issue 4): Ctrl+N and typing with Tab between fields,
// Enter or Ctrl+Enter to add, Escape to the table, the arrows, Home/End, Enter opens the
// selected record, Delete asks and Enter confirms; Tab from the filter box into the table.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// A key or chord pressed and released at once, as a quick typist does. The app keeps a key that
// was released before any frame saw it down for exactly one frame (web/main.cpp), so it acts
// once; a key held over several slow frames would repeat, as a held key does.
async function tap(app, keys) {
  await app.after(() => app.page.keyboard.press(keys), 2);
}

// The People group and its People entry share a label: the entry is the one below the heading.
async function openPeople(app) {
  const entries = async () =>
    (await app.items()).filter((it) => it.window === 'Navigation' && /^People( \(\d+\))?$/.test(it.label));
  if ((await entries()).length < 2) await app.click({ label: 'People', window: 'Navigation' });  // unfold the group
  const [, entry] = (await entries()).sort((a, b) => a.y - b.y);
  await app.click({ id: entry.id });
  await app.waitText('page-title', 'People');
}

// Ctrl+N, the name, Tab, the job title, then the key that saves.
async function addPerson(app, name, job, saveKey) {
  await tap(app, 'Control+N');
  await app.waitText('editor-title', 'New person');
  await app.type(name);
  await tap(app, 'Tab');
  await app.type(job);
  await app.waitText('editor-title', 'New person (unsaved changes)');
  await tap(app, saveKey);
  await app.find({ label: `Added person "${name}".` });
  await app.waitText('editor-title', name);
}

test('a register table, keyboard only: add three records, move, open, delete', async () => {
  const { context } = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(context, site.url, 'keyboard');
  await createWorkspace(app, 'Keyboard 2027');
  await openPeople(app);

  await addPerson(app, 'Ada Lovelace', 'Analyst', 'Enter');
  await addPerson(app, 'Grace Hopper', 'Admiral', 'Enter');
  await addPerson(app, 'Alan Turing', 'Cryptanalyst', 'Control+Enter');
  await app.waitText('count:person', '3 records');
  await app.screenshot('three-added');

  // Escape: the editor closes and the table takes the keys, on the record just added.
  await tap(app, 'Escape');
  await app.gone({ id: 'editor-title' });
  await app.waitText('selected-row', 'Alan Turing');
  await tap(app, 'ArrowUp');
  await app.waitText('selected-row', 'Grace Hopper');
  await tap(app, 'ArrowUp');
  await app.waitText('selected-row', 'Ada Lovelace');
  await tap(app, 'ArrowUp');  // stays at the top
  await app.waitText('selected-row', 'Ada Lovelace');
  await tap(app, 'End');
  await app.waitText('selected-row', 'Alan Turing');
  await tap(app, 'Home');
  await app.waitText('selected-row', 'Ada Lovelace');
  await tap(app, 'ArrowDown');
  await app.waitText('selected-row', 'Grace Hopper');
  await app.screenshot('selected');

  // Enter opens the selected record.
  await tap(app, 'Enter');
  await app.waitText('editor-title', 'Grace Hopper');

  // Delete asks; Enter confirms; the count drops and the row after takes the selection.
  await tap(app, 'Delete');
  await app.find({ label: 'Delete for now' });
  await app.screenshot('delete-asks');
  await tap(app, 'Enter');
  await app.gone({ label: 'Delete for now' });
  await app.waitText('count:person', '2 records');
  await app.gone({ id: 'editor-title' });
  await app.waitText('selected-row', 'Alan Turing');

  // Delete, then Escape: nothing is deleted.
  await tap(app, 'Delete');
  await app.find({ label: 'Delete for now' });
  await tap(app, 'Escape');
  await app.gone({ label: 'Delete for now' });
  assert.equal(await app.text('count:person'), '2 records');

  // Tab from the filter box moves into the table.
  await app.click({ label: 'Filter', kind: 'item' });
  await tap(app, 'Tab');
  await tap(app, 'Home');
  await app.waitText('selected-row', 'Ada Lovelace');
  await tap(app, 'Enter');
  await app.waitText('editor-title', 'Ada Lovelace');
  await app.screenshot('opened');
  assert.deepEqual(app.problems, []);
});

test('a long table scrolls to the selected row: End, Home, Page Down among the 93 controls', async () => {
  const { context } = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(context, site.url, 'keyboard-long');
  await createWorkspace(app, 'Controls 2027');
  await app.click({ label: 'Risk', window: 'Navigation' });
  await app.click({ label: /^Controls( \(\d+\))?$/, window: 'Navigation' });
  await app.waitText('page-title', 'Controls');
  // A click on the first row selects it (and opens it); Escape closes the editor, keeps the table.
  await app.click({ label: 'Policies for information security', window: 'Main' });
  await app.waitText('editor-title', 'Policies for information security');
  await tap(app, 'Escape');
  await app.gone({ id: 'editor-title' });
  // The selected row is reported only when drawn: the clipper draws the rows on screen, so
  // seeing it proves the table scrolled to it. Rows sort by creation, then id: annex-a-8.9 last.
  await tap(app, 'End');
  await app.waitText('selected-row', 'Configuration management');
  await app.screenshot('end');
  await tap(app, 'Home');
  await app.waitText('selected-row', 'Policies for information security');
  await tap(app, 'PageDown');
  const paged = await app.text('selected-row');
  assert.ok(paged && paged !== 'Policies for information security', `after Page Down: ${paged}`);
  await tap(app, 'PageDown');
  await tap(app, 'PageDown');
  const third = await app.text('selected-row');
  assert.ok(third && third !== paged, `after three Page Downs: ${third}`);
  await tap(app, 'Enter');
  await app.waitText('editor-title', third);
  await app.screenshot('paged');
  assert.deepEqual(app.problems, []);
});
