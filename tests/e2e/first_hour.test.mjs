// A consultant's first hour (issue 4, item 9), through real mouse and keyboard events only: a
// new workspace, three assets, two risks with likelihood and impact, controls linked to a risk,
// six Statement of Applicability decisions with their justification, a KPI with three
// measurements; the dashboard reflects all of it; the last change is undone; after a reload of
// the page everything is still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import {
  addMeasurement, addRisk, choose, createWorkspace, decideControl, fillField, openDashboard, openRegister,
  openRisks, openSoa, revealInEditor,
} from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const WORKSPACE = 'Harbour Logistics ISMS';
const KPI = 'Backups restored in tests';

// A figure the dashboard reports under a stable key, scrolled to (the page is taller than a laptop's).
async function figure(app, id) {
  const { width, height } = app.page.viewportSize();
  await app.reveal({ id }, { x: width * 0.6, y: height * 0.75 });
  return app.text(id);
}

async function addAsset(app, name, type) {
  await app.click('New asset');
  await fillField(app, 'Name', name);
  await choose(app, 'combo:Type', type);
  await app.click('Add');
  await app.find({ label: `Added asset "${name}".` });
  await app.click('Close');
}

// Everything the hour made, as the registers and the dashboard show it.
async function checkEverything(app, measurements) {
  await openRegister(app, 'Risk', 'Assets');
  await app.waitText('count:asset', '3 records');
  await openRisks(app);
  await app.waitText('count:risk', '2 records');
  await openSoa(app);
  await app.waitText('soa-summary', /^93 controls: 6 decided \(5 applicable, 1 not applicable\), 2 implemented\./);
  await openRegister(app, 'Governance', 'KPIs');
  await app.clickRowStart({ label: KPI, window: 'Main', kind: 'item' });
  await revealInEditor(app, { id: 'parts:measurement' });
  await app.waitText('parts:measurement', `Measurements (${measurements})`);
  await revealInEditor(app, { id: 'kpi-chart-points' });
  await app.waitText('kpi-chart-points', String(measurements));
  await app.click('Close');
  await openDashboard(app);
  assert.equal(await figure(app, 'risks-total'), '2 risks in the register');
  assert.equal(await figure(app, 'risks:inherent:critical'), '1');  // 4 x 5 = 20
  assert.equal(await figure(app, 'risks:inherent:medium'), '1');    // 3 x 2 = 6
  assert.equal(await figure(app, 'above-appetite'), '1');
  assert.equal(await figure(app, 'soa-decided'), '6 of 93 controls decided');
  assert.equal(await figure(app, 'soa:technological'), '1 of 34 decided, 1 applicable, 1 implemented');
}

test("a consultant's first hour, undone once and found again after a reload", async () => {
  const browser = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(browser.context, site.url, 'first-hour');
  await createWorkspace(app, WORKSPACE);

  // Three assets.
  await openRegister(app, 'Risk', 'Assets');
  await addAsset(app, 'Customer database', 'Information');
  await addAsset(app, 'Laptop fleet', 'Hardware');
  await addAsset(app, 'Payroll service', 'Service');
  await app.waitText('count:asset', '3 records');

  // Two risks, scored by the workspace's risk method; two controls linked to the first.
  await openRisks(app);
  await addRisk(app, 'Ransomware on the file servers', '4', '5');
  await addRisk(app, 'Laptop theft', '3', '2');
  await app.clickRowStart({ label: 'Ransomware on the file servers', window: 'Main', kind: 'item' });
  for (const control of ['Information backup', 'Access control']) {
    await revealInEditor(app, { id: 'picker:add-Controls' });
    await app.click({ id: 'picker:add-Controls' });
    await app.type(control);
    await app.click({ label: control, window: /^Combo_/ });
  }
  await app.click('Save');
  await app.find({ label: 'Saved risk "Ransomware on the file servers".' });
  await app.screenshot('risk-with-controls');
  await app.click('Close');

  // Six decisions in the Statement of Applicability, each with its justification.
  await openSoa(app);
  const why = 'Chosen in the risk assessment of January.';
  await decideControl(app, '5.1', 'Yes', 'Policies are the base of the ISMS.', 'Implemented');
  await decideControl(app, '5.15', 'Yes', why);
  await decideControl(app, '5.23', 'Yes', why);
  await decideControl(app, '6.3', 'Yes', why);
  await decideControl(app, '7.4', 'No', 'No secure areas: the client works from a shared office.');
  await decideControl(app, '8.13', 'Yes', why, 'Implemented');
  await app.waitText('soa-summary', /^93 controls: 6 decided \(5 applicable, 1 not applicable\), 2 implemented\./);
  await app.screenshot('soa');

  // A KPI with three measurements, entered in its editor.
  await openRegister(app, 'Governance', 'KPIs');
  await app.click('New KPI');
  await fillField(app, 'Name', KPI);
  await fillField(app, 'Unit', '%');
  await fillField(app, 'Target', '95');
  await app.click('Add');
  await app.find({ label: `Added KPI "${KPI}".` });
  for (const [date, value] of [['2026-01-31', '90'], ['2026-02-28', '93'], ['2026-03-31', '97']]) {
    await addMeasurement(app, KPI, date, value);
    await app.gone({ window: 'New measurement' });
  }
  await app.waitText('parts:measurement', 'Measurements (3)');
  await app.screenshot('kpi');
  await app.click('Close');

  // The dashboard reflects it all; the KPI's last value (97) is on target.
  await checkEverything(app, 3);
  assert.equal(await figure(app, 'kpi:on_target'), '1');
  await app.screenshot('dashboard');

  // Undo the last change (the third measurement): the KPI's last value is 93 again, below target.
  const undo = await app.find({ id: 'undo-button' });
  assert.equal(undo.label, 'Undo creation of measurement "2026-03-31"');
  await app.press('Control+z');
  await app.waitText('redo-button', 'Redo creation of measurement "2026-03-31"');
  assert.equal(await figure(app, 'kpi:on_target'), '0');
  await app.screenshot('undone');

  // A reload of the page: everything is there, with the undo kept.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await app.reload();
  await app.clickRowAction(WORKSPACE, 'Open');
  await app.waitText('page-title', WORKSPACE);
  await checkEverything(app, 2);
  assert.equal(await figure(app, 'kpi:on_target'), '0');
  await app.screenshot('after-reload');
  app.assertNoProblems();
});
