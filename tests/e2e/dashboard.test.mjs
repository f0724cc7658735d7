// The dashboard, the risk matrix and the Statement of Applicability, through real mouse and
// keyboard events: two risks added in the register editor show in the matrix and on the
// dashboard, a matrix cell narrows the risk table, six SoA decisions made in place change the
// dashboard's coverage, and a click on an overdue item opens its record. Screenshots of the three
// views at 1366x768 and, after a browser restart on the same profile, at 1920x1080.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, choose, createWorkspace, decideControl, justifyControl, openDashboard, openRisks, openSoa } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const WORKSPACE = 'Dashboard 2027';
const JUSTIFIED = 'Required by the client contract.';

async function justify(app, ref, text) { await justifyControl(app, ref, text); }

async function decide(app, ref, applicable, status) { await decideControl(app, ref, applicable, JUSTIFIED, status); }

// Scrolls the main page with the wheel until `query` is on screen (the dashboard is taller than
// a laptop screen).
async function revealOnPage(app, query) {
  const { width, height } = app.page.viewportSize();
  return app.reveal(query, { x: width * 0.6, y: height * 0.75 });
}

// A figure the dashboard reports under a stable key, scrolled to.
async function figure(app, id) {
  await revealOnPage(app, { id });
  return app.text(id);
}

test('risks, the matrix, six SoA decisions and an overdue review, seen on the dashboard', async () => {
  let browser = await openBrowser({ width: 1366, height: 768 });
  let app = await AppPage.open(browser.context, site.url, 'dashboard-1366');
  await createWorkspace(app, WORKSPACE);

  // A new workspace: nothing decided, no risks.
  await openDashboard(app);
  assert.equal(await figure(app, 'risks-total'), '0 risks in the register');
  assert.equal(await figure(app, 'soa-decided'), '0 of 93 controls decided');
  assert.equal(await figure(app, 'above-appetite'), '0');

  // Two risks with likelihood and impact, one with a review date long past.
  await openRisks(app);
  await addRisk(app, 'Ransomware on file servers', '4', '4');                                 // 16: high
  await addRisk(app, 'Phishing of payroll staff', '2', '3', [['Next review', '2020-01-15']]);  // 6: medium
  await app.waitText('count:risk', '2 records');

  // The matrix counts them in their cells; a cell narrows the table, the chip takes it away.
  await app.click('Matrix');
  assert.equal(await app.text('cell:inherent:4:4'), '1');
  assert.equal(await app.text('cell:inherent:2:3'), '1');
  assert.equal(await app.text('cell:inherent:3:2'), '0');
  assert.equal(await app.text('cell:residual:4:4'), '0');  // neither is treated yet
  await app.screenshot('matrix');
  await app.click({ id: 'cell:inherent:4:4' });
  await app.waitText('cell-filter', 'Before treatment: likelihood 4 (Likely) × impact 4 (Major)');
  await app.gone({ label: 'Phishing of payroll staff', window: 'Main' });
  await app.find({ label: 'Ransomware on file servers', window: 'Main', kind: 'item' });
  await app.screenshot('matrix-cell-filter');
  await app.click({ id: 'remove-cell-filter' });
  await app.gone({ id: 'cell-filter' });
  await app.find({ label: 'Phishing of payroll staff', window: 'Main' });

  // The dashboard's risk figures reflect them.
  await openDashboard(app);
  assert.equal(await figure(app, 'risks-total'), '2 risks in the register');
  assert.equal(await figure(app, 'risks:inherent:high'), '1');
  assert.equal(await figure(app, 'risks:inherent:medium'), '1');
  assert.equal(await figure(app, 'risks:inherent:low'), '0');
  assert.equal(await figure(app, 'risks:residual:none'), '2');
  assert.equal(await figure(app, 'above-appetite'), '1');  // high is above the standard appetite (medium)
  await revealOnPage(app, { label: 'Ransomware on file servers', window: 'Main', kind: 'item' });  // above it

  // Six decisions in the Statement of Applicability, made in place. The first one is refused
  // without its justification: the rule's message shows in the row and the choice stays.
  await openSoa(app);
  await choose(app, 'applicable-5.1', 'Yes');
  await app.waitText('soa-error:5.1', 'Justification is required for every applicability decision.');
  assert.match(await app.text('soa-summary'), /^93 controls: 0 decided/);
  await app.screenshot('soa-refused');
  await justify(app, '5.1', 'Policies are the base of the ISMS.');
  await app.gone({ id: 'soa-error:5.1' });
  await app.find({ id: 'soa-saved:5.1' });
  await app.waitText('soa-summary', /^93 controls: 1 decided \(1 applicable, 0 not applicable\)/);
  await decide(app, '5.2', 'Yes');
  await decide(app, '5.3', 'Yes', 'Implemented');
  await decide(app, '6.1', 'Yes');
  await decide(app, '7.1', 'No');
  await decide(app, '8.1', 'Yes', 'Implemented');
  await app.waitText('soa-summary', /^93 controls: 6 decided \(5 applicable, 1 not applicable\), 2 implemented\./);
  await app.screenshot('soa');

  // The dashboard's coverage by theme follows.
  await openDashboard(app);
  assert.equal(await figure(app, 'soa-decided'), '6 of 93 controls decided');
  assert.equal(await figure(app, 'soa:organizational'), '3 of 37 decided, 3 applicable, 1 implemented');
  assert.equal(await figure(app, 'soa:people'), '1 of 8 decided, 1 applicable, 0 implemented');
  assert.equal(await figure(app, 'soa:physical'), '1 of 14 decided, 0 applicable, 0 implemented');
  assert.equal(await figure(app, 'soa:technological'), '1 of 34 decided, 1 applicable, 1 implemented');
  await revealOnPage(app, { id: 'page-title' });
  await app.screenshot('dashboard');

  // The review long past is in the overdue list; a click opens the risk in its editor.
  const overdue = await revealOnPage(app, { label: 'Phishing of payroll staff', window: 'Main', kind: 'item' });
  assert.ok(overdue.w > 0);
  assert.equal(await figure(app, 'overdue-count'), '1 item needs attention');
  await app.screenshot('dashboard-overdue');
  await app.click({ label: 'Phishing of payroll staff', window: 'Main', kind: 'item' });
  await app.waitText('page-title', 'Risks');
  await app.waitText('editor-title', 'Phishing of payroll staff');
  app.assertNoProblems();

  // The same views at 1920x1080, after a browser restart on the same profile.
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  await browser.context.close();
  browser = await openBrowser({ profileDir: browser.profileDir, width: 1920, height: 1080 });
  app = await AppPage.open(browser.context, site.url, 'dashboard-1920');
  await app.clickRowAction(WORKSPACE, 'Open');
  await app.waitText('page-title', WORKSPACE);
  await openDashboard(app);
  assert.equal(await figure(app, 'soa-decided'), '6 of 93 controls decided');
  assert.equal(await figure(app, 'risks-total'), '2 risks in the register');
  await app.find({ label: 'Phishing of payroll staff', window: 'Main', kind: 'item' });  // no scrolling needed
  await app.screenshot('dashboard');
  await openRisks(app);
  await app.click('Matrix');
  await app.click({ id: 'cell:inherent:2:3' });
  await app.waitText('cell-filter', 'Before treatment: likelihood 2 (Unlikely) × impact 3 (Moderate)');
  await app.gone({ label: 'Ransomware on file servers', window: 'Main', kind: 'item' });
  await app.screenshot('matrix-cell-filter');
  await openSoa(app);
  assert.match(await app.text('soa-summary'), /6 decided/);
  await app.screenshot('soa');
  app.assertNoProblems();
});
