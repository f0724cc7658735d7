// What a consultant hands on: a register table as CSV (what the table shows: its filter, its
// columns in their order, its sort) and printable HTML reports, through real browser downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, closeBrowsers, AppPage, artifactsDir } from './lib/harness.mjs';
import { createWorkspace, downloadOf, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function addRisk(app, title, likelihood, impact) {
  await app.click('New risk');
  for (const [label, text] of [['Title', title], ['Inherent likelihood', likelihood], ['Inherent impact', impact]]) {
    await fillField(app, label, text);
  }
  await app.click('Add');
  await app.find({ label: `Added risk "${title}".` });
  await app.click('Close');
}

async function download(app, query) {
  const { name, bytes } = await downloadOf(app, query);
  return { name, text: bytes.toString('utf8') };
}

test('a filtered, sorted risk table exports as the CSV it shows; reports print as HTML', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'exports');
  await createWorkspace(app);
  await openRisks(app);
  await addRisk(app, 'Ransomware on file servers', '4', '4');
  await addRisk(app, '=cmd|calc (formula injection)', '1', '2');
  await addRisk(app, '<script>alert(1)</script> in a title', '2', '3');

  // The risk owner column hidden (the header's context menu), sorted by title descending (the
  // table starts sorted by its first column, ascending: one click turns it), then exported.
  await app.click({ id: 'header:Risk owner' }, { button: 'right' });
  await app.click({ label: 'Risk owner', kind: 'item' });
  await app.gone({ id: 'header:Risk owner' });
  await app.click({ id: 'header:Title' });
  let csv = await download(app, 'Export CSV');
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(csv.name, `client-gmbh-isms-2027-risks-${today}.csv`);
  const lines = csv.text.split('\r\n');
  assert.equal(lines[0], '\ufeffTitle,Inherent level,Treatment option,Residual level,Next review,Status');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), [
    'Ransomware on file servers', "'=cmd|calc (formula injection)", '<script>alert(1)</script> in a title', '']);
  assert.equal(lines[1], 'Ransomware on file servers,High,,,,Identified');

  // Filtered: only what the table shows.
  await app.fill('Filter', 'ransom');
  await app.gone({ label: '<script>alert(1)</script> in a title' });
  csv = await download(app, 'Export CSV');
  assert.equal(csv.text.split('\r\n').length, 3, 'the header, one row, and the final line end');

  // Reports from the overview: self-contained HTML with every text escaped.
  await app.click({ label: 'Overview', window: 'Navigation' });
  const report = await download(app, 'Risk register and treatment plan');
  assert.equal(report.name, `client-gmbh-isms-2027-risk-register-${today}.html`);
  assert.ok(report.text.includes('&lt;script&gt;alert(1)&lt;/script&gt; in a title'));
  assert.ok(!report.text.includes('<script>alert(1)'));
  const soa = await download(app, 'Statement of Applicability');
  assert.ok(soa.text.includes('5.1'));
  const program = await download(app, 'Program status report');
  assert.ok(program.text.includes('ISMS 2027'));

  // Looked at as printed pages would be.
  fs.mkdirSync(artifactsDir, { recursive: true });
  const viewer = await browser.context.newPage();
  for (const [name, html] of [['risk-register', report.text], ['soa', soa.text], ['program', program.text]]) {
    await viewer.setContent(html);
    await viewer.screenshot({ path: path.join(artifactsDir, `exports-report-${name}.png`), fullPage: false });
  }
  await viewer.close();
  app.assertNoProblems();
});
