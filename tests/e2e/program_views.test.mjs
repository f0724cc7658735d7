// The program's own views and the register tables' at-a-glance cues (issue 4): the timeline as a
// Gantt chart by month, the RACI matrix as a grid edited cell by cell under the register's rules,
// statuses as coloured chips, passed deadlines in red, filters per enum column, a table's layout
// kept per workspace, and the dark theme, all through real mouse input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { addRisk, createWorkspace, downloadOf, editorPoint, fillField, openRisks } from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function openProgramPage(app, label) {
  const entry = { label: new RegExp(`^${label}( \\(\\d+\\))?$`), window: 'Navigation' };
  if (!(await app.has(entry))) await app.click({ label: 'Program', window: 'Navigation' });  // unfold the group
  await app.click(entry);
}

// The labels of the risk rows in the order they are drawn, top to bottom.
async function riskOrder(app, titles) {
  const items = await app.items();
  return items.filter((it) => titles.includes(it.label) && it.window === 'Main' && it.kind === 'item')
    .sort((a, b) => a.y - b.y).map((it) => it.label);
}

test('the Gantt chart shows the seeded timeline by month and opens a milestone from its bar', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'program-views-gantt');
  await createWorkspace(app, 'Program 2027');
  await openProgramPage(app, 'Gantt chart');
  await app.waitText('page-title', 'Program timeline');
  const summary = await app.text('timeline-summary');
  assert.match(summary, /^12 milestones, 0 done, 0 late/);
  const bars = (await app.items()).filter((it) => it.id.startsWith('timeline-bar:'));
  assert.ok(bars.length >= 6, `bars on screen: ${bars.length}`);
  // Each bar starts further right than (or level with) the one above it: sorted by start.
  const sorted = [...bars].sort((a, b) => a.y - b.y);
  for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i].x >= sorted[i - 1].x - 1, 'bars ordered by start');
  await app.screenshot('gantt');
  const first = sorted[0];
  const activity = first.id.slice('timeline-bar:'.length);
  await app.click({ id: first.id });
  await app.waitText('editor-title', activity);
  await app.screenshot('milestone-opened');
  app.assertNoProblems();
});

test('the RACI grid sets, refuses and clears assignments cell by cell', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'program-views-raci');
  await createWorkspace(app, 'RACI 2027');
  await openProgramPage(app, 'RACI grid');
  await app.waitText('page-title', 'RACI matrix');
  const cells = (await app.items()).filter((it) => it.id.startsWith('raci-cell:'));
  assert.ok(cells.length > 4, 'the seeded processes and roles make a grid');
  const [process] = cells[0].id.slice('raci-cell:'.length).split('|');
  const row = cells.filter((c) => c.id.startsWith(`raci-cell:${process}|`));
  assert.ok(row.length >= 2);

  await app.click({ id: row[0].id });
  await app.click({ label: 'Accountable: answers for it (one per process)' });
  await app.waitText(row[0].id, 'A');
  // A second accountable on the same process: the register's rule refuses it, nothing changes.
  await app.click({ id: row[1].id });
  await app.click({ label: 'Accountable: answers for it (one per process)' });
  await app.waitText('raci-problem', /accountable/);
  assert.equal(await app.text(row[1].id), '');
  await app.click({ id: row[1].id });
  await app.click({ label: 'Consulted: asked before' });
  await app.waitText(row[1].id, 'C');
  await app.screenshot('raci-set');
  await app.click({ id: row[1].id });
  await app.click({ label: 'Not involved' });
  await app.waitText(row[1].id, '');
  app.assertNoProblems();
});

test('statuses are chips, passed deadlines red, enum filters narrow the table, layout is kept per workspace, dark theme', async () => {
  const browser = await openBrowser();
  let app = await AppPage.open(browser.context, site.url, 'program-views-table');
  await createWorkspace(app, 'Tables 2027');
  await openRisks(app);
  await addRisk(app, 'Alpha outage', '2', '2', [['Next review', '2020-01-15']]);
  await addRisk(app, 'Beta breach', '5', '5');
  await addRisk(app, 'Gamma fraud', '3', '3');
  const titles = ['Alpha outage', 'Beta breach', 'Gamma fraud'];
  // The review date that has passed is drawn in red and reported as overdue.
  const overdue = (await app.items()).filter((it) => it.id.startsWith('overdue:'));
  assert.equal(overdue.length, 1);
  assert.equal(overdue[0].label, '2020-01-15');
  await app.screenshot('chips-and-overdue');

  // A filter per enum column: only the critical risk is left.
  await app.click('Filter by');
  await app.click({ label: 'Inherent level' });
  await app.click({ label: /^Critical/ });
  await app.page.keyboard.press('Escape');
  await app.frames(3);
  assert.deepEqual(await riskOrder(app, titles), ['Beta breach']);
  await app.screenshot('filtered');
  await app.click({ label: /^Inherent level: Critical/ });  // the chip's cross removes it
  assert.deepEqual(await riskOrder(app, titles), titles);

  // Sorted by title, descending: kept for this workspace, not taken to another one.
  await app.click({ id: 'header:Title' });
  await app.click({ id: 'header:Title' });
  assert.deepEqual(await riskOrder(app, titles), ['Gamma fraud', 'Beta breach', 'Alpha outage']);
  // ImGui saves its settings half a second (of frame time) after a change: the next frame after
  // a pause saves them.
  await app.page.waitForTimeout(700);
  await app.after(() => app.page.mouse.move(300, 300), 2);
  await app.click({ label: /^All workspaces/, window: 'Navigation' });
  await createWorkspace(app, 'Other 2027');
  await openRisks(app);
  await addRisk(app, 'Alpha outage', '1', '1');
  await addRisk(app, 'Gamma fraud', '1', '1');
  assert.deepEqual(await riskOrder(app, titles), ['Alpha outage', 'Gamma fraud']);  // the default: as added
  await app.click({ label: /^All workspaces/, window: 'Navigation' });
  await app.clickRowAction('Tables 2027', 'Open');
  await app.waitText('page-title', 'Tables 2027');
  await openRisks(app);
  assert.deepEqual(await riskOrder(app, titles), ['Gamma fraud', 'Beta breach', 'Alpha outage']);

  // Dark theme, chosen in the settings, kept after a reload.
  await app.click({ id: 'settings-button' });
  await app.click('Dark');
  assert.equal(await app.text('settings-theme'), 'dark');
  await app.click('Close');
  await app.screenshot('dark');
  await app.reload();
  await app.click({ id: 'settings-button' });
  assert.equal(await app.text('settings-theme'), 'dark');
  await app.click('Close');
  await app.screenshot('dark-after-reload');
  app.assertNoProblems();
});

test('a date is picked from the calendar beside its field', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'program-views-calendar');
  await createWorkspace(app, 'Dates 2027');
  await openRisks(app);
  await app.click('New risk');
  await fillField(app, 'Title', 'Supplier outage');
  await fillField(app, 'Inherent likelihood', '2');
  await fillField(app, 'Inherent impact', '3');
  await app.reveal({ id: 'calendar:Next review' }, await editorPoint(app));
  await app.click({ id: 'calendar:Next review' });
  // It opens on this month (the field is empty); one step on, the 15th.
  const now = new Date();
  const monthName = (d) => d.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) + ' ' + d.getUTCFullYear();
  await app.waitText('calendar-month', monthName(now));
  await app.screenshot('calendar-open');
  await app.click({ id: 'calendar-next' });
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  await app.waitText('calendar-month', monthName(next));
  await app.click({ label: '15', window: /^Popup_/ });
  await app.gone({ id: 'calendar-month' });
  await app.click('Add');
  await app.find({ label: 'Added risk "Supplier outage".' });
  await app.click('Close');  // the table takes the page's width again: every column on screen
  const expected = `${next.getUTCFullYear()}-${String(next.getUTCMonth() + 1).padStart(2, '0')}-15`;
  const csv = (await downloadOf(app, 'Export CSV')).bytes.toString('utf8');
  assert.match(csv, new RegExp(`Supplier outage.*${expected}`), csv);
  app.assertNoProblems();
});
