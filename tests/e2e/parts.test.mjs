// Parts edited inside their parent, through real mouse and keyboard events: a KPI's
// measurements added in its editor (one refused first, its text kept and corrected), listed by
// date under their chart, one edited, one deleted after a question, all there after a reload;
// and a management review's pre-filled inputs listed in its editor, one of them edited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addMeasurement as addMeasurementOf, createWorkspace, fillField, openRegister, revealInEditor } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const KPI = 'Patch compliance';
const REVIEW = 'Management review 2026';
const ISSUES = 'Changes in external and internal issues relevant to the ISMS';

// A text the editor reports under `id`, scrolled to first.
async function readInEditor(app, id) {
  await revealInEditor(app, { id });
  return app.text(id);
}

// A field of the part's modal form (`form` is its window: "New measurement", "Edit measurement").
async function fillPart(app, form, label, text) {
  await app.fill({ label, kind: 'item', window: form }, text);
}

async function addMeasurement(app, date, value) { await addMeasurementOf(app, KPI, date, value); }

test('a KPI\'s measurements and a review\'s inputs, edited inside their parent', async () => {
  const browser = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(browser.context, site.url, 'parts');
  await createWorkspace(app, 'Parts 2027');

  // A KPI with a target; once saved, its editor offers its measurements.
  await openRegister(app, 'Governance', 'KPIs');
  await app.click('New KPI');
  await fillField(app, 'Name', KPI);
  await fillField(app, 'Unit', '%');
  await fillField(app, 'Target', '95');
  await app.click('Add');
  await app.waitText('notice-banner', `Added KPI "${KPI}".`);
  await revealInEditor(app, { id: 'parts:measurement' });
  assert.equal(await app.text('parts:measurement'), 'Measurements (0)');

  // The first one is refused (February has no 30th): the message sits under the field, the
  // form stays open with the typed text, nothing is written. Correcting the date is enough.
  await addMeasurement(app, '2026-02-30', '72');
  await app.waitText('error:Date', /^Date must be a date like/);
  assert.equal(await app.text('part-parent'), KPI);
  await app.screenshot('measurement-refused');
  await fillPart(app, 'New measurement', 'Date', '2026-01-31');
  await app.gone({ id: 'error:Date' });
  await app.click({ label: 'Add', window: 'New measurement' });
  await app.gone({ window: 'New measurement' });
  await app.waitText('parts:measurement', 'Measurements (1)');
  // Saved with the corrected date and the value typed before the refusal.
  await revealInEditor(app, { id: 'part-cell:2026-01-31:Value' });
  assert.equal(await app.text('part-cell:2026-01-31:Value'), '72');

  // Two more, the later month first: the list and the chart are by date.
  await addMeasurement(app, '2026-03-31', '91.5');
  await app.gone({ window: 'New measurement' });
  await addMeasurement(app, '2026-02-28', '88');
  await app.gone({ window: 'New measurement' });
  await app.waitText('parts:measurement', 'Measurements (3)');
  await revealInEditor(app, { id: 'kpi-chart-points' });
  await app.waitText('kpi-chart-points', '3');
  await revealInEditor(app, { id: 'part-cell:2026-03-31:Value' });
  const rows = await Promise.all(['2026-01-31', '2026-02-28', '2026-03-31'].map((d) => app.find({ label: d, kind: 'item' })));
  assert.ok(rows[0].y < rows[1].y && rows[1].y < rows[2].y, 'measurements listed by date');
  await app.screenshot('measurements-and-chart');

  // A click on a row opens it in the form; the change is saved and listed.
  await app.clickRowStart({ label: '2026-02-28', kind: 'item' });
  await app.find({ label: 'Value', kind: 'item', window: 'Edit measurement' });
  await app.screenshot('measurement-edit');
  await fillPart(app, 'Edit measurement', 'Value', '90');
  await app.click({ label: 'Save', window: 'Edit measurement' });
  await app.gone({ window: 'Edit measurement' });
  await app.waitText('part-cell:2026-02-28:Value', '90');

  // Deleting asks first; Cancel keeps it, Delete takes it away.
  await app.click({ id: 'delete-part:2026-01-31' });
  await app.waitText('part-delete-question', 'Delete the measurement "2026-01-31"?');
  await app.screenshot('measurement-delete-question');
  await app.click({ label: 'Cancel', window: 'Delete measurement' });
  await app.gone({ window: 'Delete measurement' });
  await app.find({ label: '2026-01-31', kind: 'item' });
  await app.click({ id: 'delete-part:2026-01-31' });
  await app.click({ label: 'Delete', window: 'Delete measurement' });
  await app.gone({ window: 'Delete measurement' });
  await app.gone({ label: '2026-01-31', kind: 'item' });
  await revealInEditor(app, { id: 'parts:measurement' });
  await app.waitText('parts:measurement', 'Measurements (2)');
  await app.waitText('kpi-chart-points', '2');

  // After a reload the KPI still has its two measurements, as edited.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await app.reload();
  await app.clickRowAction('Parts 2027', 'Open');
  await app.waitText('page-title', 'Parts 2027');
  await openRegister(app, 'Governance', 'KPIs');
  await app.clickRowStart({ label: KPI, window: 'Main', kind: 'item' });
  await app.waitText('editor-title', KPI);
  assert.equal(await readInEditor(app, 'parts:measurement'), 'Measurements (2)');
  assert.equal(await readInEditor(app, 'kpi-chart-points'), '2');
  assert.equal(await readInEditor(app, 'part-cell:2026-02-28:Value'), '90');
  assert.equal(await readInEditor(app, 'part-cell:2026-03-31:Value'), '91.5');
  await app.screenshot('measurements-after-reload');

  // A second tab on the same workspace is read-only: it shows the parts and opens their form,
  // but cannot add, save or delete.
  const other = new AppPage(await browser.context.newPage(), 'parts-second-tab');
  await other.goto(site.url);
  await other.clickRowAction('Parts 2027', 'Open');
  await other.waitText('lock-banner', /open in another tab or window/);
  await openRegister(other, 'Governance', 'KPIs');
  await other.clickRowStart({ label: KPI, window: 'Main', kind: 'item' });
  await other.waitText('editor-title', KPI);
  assert.equal((await revealInEditor(other, { label: 'Add measurement', kind: 'item' })).disabled, true);
  await revealInEditor(other, { label: '2026-03-31', kind: 'item' });
  await other.clickRowStart({ label: '2026-03-31', kind: 'item' });
  assert.equal((await other.find({ label: 'Save', window: 'Edit measurement' })).disabled, true);
  await other.screenshot('read-only-part-form');
  await other.click({ label: 'Cancel', window: 'Edit measurement' });
  other.assertNoProblems();
  await other.page.close();
  await app.page.bringToFront();

  await app.click('Close');

  // A management review comes with its ten inputs, listed in its editor and edited there.
  await openRegister(app, 'Governance', 'Management reviews');
  await app.click('New management review');
  await fillField(app, 'Title', REVIEW);
  await fillField(app, 'Date', '2026-12-10');
  await app.click('Add');
  await app.waitText('notice-banner', `Added management review "${REVIEW}".`);
  assert.equal(await readInEditor(app, 'parts:review_input'), 'Review inputs (10)');
  assert.equal(await readInEditor(app, 'parts:review_action'), 'Review actions (0)');
  assert.equal(await readInEditor(app, `part-cell:${ISSUES}:Input`), 'b');
  await revealInEditor(app, { label: ISSUES, kind: 'item' });
  await app.screenshot('review-inputs');
  await app.clickRowStart({ label: ISSUES, kind: 'item' });
  await app.waitText('part-parent', REVIEW);
  await fillPart(app, 'Edit review input', 'Status note', 'Discussed: no new issues this year.');
  await app.screenshot('review-input-edit');
  await app.click({ label: 'Save', window: 'Edit review input' });
  await app.gone({ window: 'Edit review input' });
  await app.waitText('notice-banner', `Saved review input "${ISSUES}".`);
  app.assertNoProblems();
});
