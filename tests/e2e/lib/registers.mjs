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

// A form field (an item), not the table header of the same name (a reported text). A slider
// (a rating, a risk's likelihood or impact: reported as "rating:<label>") is typed into as a
// person does: Ctrl+click turns it into a text field.
export async function fillField(app, label, text) {
  const field = { label, kind: 'item' };
  await app.reveal(field, await editorPoint(app));
  if ((await app.items()).some((it) => it.id === `rating:${label}`)) {
    await typeIntoSlider(app, label, text);
    return;
  }
  await app.fill(field, text);
}

// Ctrl+click on the slider `label`, then the number typed over its text (selected on the click).
export async function typeIntoSlider(app, label, text) {
  await app.after(() => app.page.keyboard.down('Control'), 1);
  await app.click({ label, kind: 'item' });
  await app.after(() => app.page.keyboard.up('Control'), 1);
  await app.type(text);
}

// Clicks the middle of step `level` of the slider `label` (steps low..high, equally wide).
export async function clickSliderStep(app, label, level, low, high) {
  const slider = await app.find({ label, kind: 'item' });
  const steps = high - low + 1;
  const x = slider.x + ((level - low + 0.5) / steps) * slider.w;
  const y = slider.y + slider.h / 2;
  await app.after(() => app.page.mouse.move(x, y), 1);
  await app.after(() => app.page.mouse.down(), 1);
  await app.after(() => app.page.mouse.up(), 2);
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

// A register's page by its navigation entry, unfolding its group first when needed.
export async function openRegister(app, group, plural) {
  const entry = { label: new RegExp(`^${plural}( \\(\\d+\\))?$`), window: 'Navigation' };
  if (!(await app.has(entry))) await app.click({ label: group, window: 'Navigation' });  // unfold the group
  await app.click(entry);
  await app.waitText('page-title', plural);
}

// Scrolls the editor's fields until `query` (a field, or the parts sections below them) is on screen.
export async function revealInEditor(app, query) {
  return app.reveal(query, await editorPoint(app));
}

// A measurement added in the open KPI's editor, through its part form; the form then closes.
export async function addMeasurement(app, kpi, date, value) {
  await revealInEditor(app, { label: 'Add measurement', kind: 'item' });
  await app.click({ label: 'Add measurement', kind: 'item' });
  await app.waitText('part-parent', kpi);
  await app.fill({ label: 'Date', kind: 'item', window: 'New measurement' }, date);
  await app.fill({ label: 'Value', kind: 'item', window: 'New measurement' }, value);
  await app.click({ label: 'Add', window: 'New measurement' });
}

// A point inside the SoA's scrolling rows, for the mouse wheel.
async function soaRowsPoint(app) {
  const summary = await app.find({ id: 'soa-summary' });
  return { x: summary.x + 300, y: summary.y + 260 };
}

// Types a justification into a SoA row and leaves the field with Enter, which saves it.
export async function justifyControl(app, ref, text) {
  await app.reveal({ label: `justification-${ref}`, kind: 'item' }, await soaRowsPoint(app));
  await app.click({ label: `justification-${ref}`, kind: 'item' });
  await app.type(text);
  await app.press('Enter');
}

// One decision in the Statement of Applicability: justified, applicable or not, and a status.
export async function decideControl(app, ref, applicable, justification, status) {
  await justifyControl(app, ref, justification);
  await app.find({ id: `soa-saved:${ref}` });
  await app.reveal({ id: `applicable-${ref}` }, await soaRowsPoint(app));
  await choose(app, `applicable-${ref}`, applicable);
  if (status) await choose(app, `status-${ref}`, status);
  await app.find({ id: `soa-saved:${ref}` });
  if ((await app.text(`soa-error:${ref}`)) !== null) throw new Error(`SoA row ${ref} refused: ${await app.text(`soa-error:${ref}`)}`);
}
