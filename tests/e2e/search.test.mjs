// Search everywhere (Ctrl+K), through real keyboard and mouse events: a risk found by part of its
// title and opened in its editor, an asset found by other text with the arrow keys, a control of
// the Statement of Applicability found by its Annex A number, Escape, and unsaved changes kept.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, createWorkspace, fillField, openDashboard, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// A key or chord pressed and released at once, as a quick typist does. The app keeps a key that
// was released before any frame saw it down for exactly one frame (web/main.cpp), so it acts
// once; a key held over several slow frames would repeat, as a held key does.
async function tap(app, keys) {
  await app.after(() => app.page.keyboard.press(keys), 2);
}

async function openAssets(app) {
  const entry = { label: /^Assets( \(\d+\))?$/, window: 'Navigation' };
  if (!(await app.has(entry))) await app.click({ label: 'Risk', window: 'Navigation' });  // unfold the group
  await app.click(entry);
  await app.waitText('page-title', 'Assets');
}

// Ctrl+K, then the question typed into the box that opens.
async function search(app, question) {
  await tap(app, 'Control+K');
  await app.find({ id: 'search-field' });
  await app.type(question);
  await app.waitText('search-field', question);
}

test('Ctrl+K finds records by title, other text and id, and opens them in their editor', async () => {
  const { context } = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(context, site.url, 'search');
  await createWorkspace(app, 'Search 2027');

  await openAssets(app);
  await app.click('New asset');
  await fillField(app, 'Name', 'Finance laptops');
  await app.click({ id: 'combo:Type' });
  await app.click({ label: 'Hardware', window: /^Combo_/ });
  await fillField(app, 'Location', 'Ransom Street 5');
  await app.click('Add');
  await app.find({ label: 'Added asset "Finance laptops".' });
  await app.click('Close');
  await openRisks(app);
  await addRisk(app, 'Ransomware on file servers', '4', '4');
  await openDashboard(app);

  // Part of the risk's title: the risk, labelled with its register, highlighted first.
  await search(app, 'file serv');
  await app.waitText('search-summary', '1 match, best first.');
  assert.equal(await app.text('search-highlight'), 'Ransomware on file servers');
  await app.screenshot('risk-found');
  await tap(app, 'Enter');
  await app.gone({ id: 'search-field' });
  await app.waitText('page-title', 'Risks');
  await app.waitText('editor-title', 'Ransomware on file servers');
  assert.equal(await app.text('selected-row'), 'Ransomware on file servers');

  // "ransom": the risk's title first, then the asset whose location holds it; Down, Enter.
  await search(app, 'ransom');
  await app.waitText('search-summary', '2 matches, best first.');
  assert.equal(await app.text('search-highlight'), 'Ransomware on file servers');
  const hits = (await app.items()).filter((it) => it.id.startsWith('search-context:')).map((it) => it.label);
  assert.deepEqual(hits, ['Risk', 'Asset']);
  await tap(app, 'ArrowDown');
  await app.waitText('search-highlight', 'Finance laptops');
  await app.screenshot('two-registers');
  await tap(app, 'Enter');
  await app.waitText('page-title', 'Assets');
  await app.waitText('editor-title', 'Finance laptops');

  // A control by its Annex A number, from the top bar's button.
  await app.click({ id: 'search-button' });
  await app.find({ id: 'search-field' });
  await app.type('A.5.15');
  await app.waitText('search-highlight', 'Access control');
  assert.equal(await app.text('search-context:annex-a-5.15'), 'Control');
  await app.screenshot('control-found');
  await tap(app, 'Enter');
  await app.waitText('page-title', 'Controls');
  await app.waitText('editor-title', 'Access control');

  // Escape closes the box and changes nothing.
  await search(app, 'finance');
  await tap(app, 'Escape');
  await app.gone({ id: 'search-field' });
  await app.waitText('editor-title', 'Access control');

  // Unsaved changes are not dropped for a search result: the record stays, with the app's note.
  await fillField(app, 'Implementation', 'Role-based access');
  await app.waitText('editor-title', 'Access control (unsaved changes)');
  await search(app, 'finance');
  await tap(app, 'Enter');
  await app.gone({ id: 'search-field' });
  await app.waitText('editor-problem', 'Save or discard the changes to this record before opening another.');
  await app.waitText('page-title', 'Controls');
  assert.equal(await app.text('editor-title'), 'Access control (unsaved changes)');
  await app.screenshot('unsaved-kept');
  assert.deepEqual(app.problems, []);
});
