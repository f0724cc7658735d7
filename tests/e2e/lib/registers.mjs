// Steps every register test takes: a workspace to work in, a register page, the editor's fields,
// and a file the browser downloads. One place, so a change of the interface is one change here.
import fs from 'node:fs';

export async function createWorkspace(app, name = 'ISMS 2027') {
  await app.click('New workspace');
  await app.fill('Workspace name', name);
  await app.fill('Client organisation', 'Client GmbH');
  await app.fill('Consultant', 'Anna Dvořák');
  await app.click('Create workspace');
  await app.waitText('page-title', name);
}

// The editor's fields scroll under its buttons; a point among the fields.
export async function editorPoint(app) {
  const button = (await app.has('Add')) ? await app.find('Add') : await app.find('Save');
  return { x: button.x + 200, y: button.y + 250 };
}

// A form field (an item), not the table header of the same name (a reported text).
export async function fillField(app, label, text) {
  const field = { label, kind: 'item' };
  await app.reveal(field, await editorPoint(app));
  await app.fill(field, text);
}

export async function openRisks(app) {
  const entry = { label: /^Risks( \(\d+\))?$/, window: 'Navigation' };
  if (!(await app.has(entry))) await app.click({ label: 'Risk', window: 'Navigation' });  // unfold the group
  await app.click(entry);
  await app.waitText('page-title', 'Risks');
}

// Clicks `query` and returns the file the browser downloads: its suggested name and bytes.
export async function downloadOf(app, query) {
  const [download] = await Promise.all([app.page.waitForEvent('download'), app.click(query)]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await download.path()) };
}

// A risk added through the register editor (on the risks page), then the editor closed. `more`
// are further [field label, text] pairs, e.g. ['Next review', '2020-01-15'].
export async function addRisk(app, title, likelihood, impact, more = []) {
  await app.click('New risk');
  for (const [label, text] of [['Title', title], ['Inherent likelihood', likelihood], ['Inherent impact', impact], ...more]) {
    await fillField(app, label, text);
  }
  await app.click('Add');
  await app.find({ label: `Added risk "${title}".` });
  await app.click('Close');
}

export async function openDashboard(app) {
  await app.click({ label: 'Dashboard', window: 'Navigation' });
  await app.waitText('page-title', 'Dashboard');
}

// The Statement of Applicability's entry sits in the Risk group, with the number of controls.
export async function openSoa(app) {
  const entry = { label: /^Statement of Applicability \(\d+\)$/, window: 'Navigation' };
  if (!(await app.has(entry))) await app.click({ label: 'Risk', window: 'Navigation' });  // unfold the group
  await app.click(entry);
  await app.waitText('page-title', 'Statement of Applicability');
}

// Opens the combo a view reported under the key `combo` and clicks `option` in its list.
export async function choose(app, combo, option) {
  await app.click({ id: combo });
  await app.click({ label: option, window: /^Combo_/ });
}
