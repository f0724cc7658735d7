// Every view, at the two screen sizes a consultant meets (a 1366x768 laptop, a 1920x1080
// monitor), kept as screenshots to look at (issue 4, item 9): the workspace list, the overview,
// the dashboard, every register page of every navigation group with a record open, the special
// views, the settings panel, the trash. Each page must show its title and no problem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, closeBrowsers, AppPage, artifactsDir } from './lib/harness.mjs';

const tool = process.env.ISMS_SAMPLE_BUNDLE_TOOL;
const groups = ['Program', 'Context', 'Governance', 'Risk', 'Compliance', 'People', 'Operations', 'Assurance'];

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// The pages whose title is not their navigation label.
const titleOf = { 'Gantt chart': 'Program timeline', 'RACI grid': 'RACI matrix' };

function slug(text) { return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''); }

// The navigation entries listed under `group` once it is unfolded: between its header and the next.
async function entriesOf(app, group) {
  const items = (await app.items()).filter((it) => it.window === 'Navigation' && it.kind === 'item');
  const header = items.find((it) => it.label === group);
  const below = items.filter((it) => it.y > header.y).sort((a, b) => a.y - b.y);
  const next = below.find((it) => groups.includes(it.label));
  return below.filter((it) => !next || it.y < next.y).map((it) => it.label);
}

async function visitAll(width, height) {
  assert.ok(tool && fs.existsSync(tool), `no bundle tool at ${tool}: run scripts/build.sh`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const bundle = path.join(artifactsDir, `sample-${width}.isms.json`);
  execFileSync(tool, ['--bundle', bundle]);
  const workspace = JSON.parse(fs.readFileSync(bundle, 'utf8')).content.workspace.name;

  const browser = await openBrowser({ width, height });
  const app = await AppPage.open(browser.context, site.url, `screens-${width}x${height}`);
  await app.screenshot('workspaces-empty');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Import')]);
  await chooser.setFiles(bundle);
  await app.waitText('page-title', workspace, { timeout: 60000 });
  await app.screenshot('overview');
  await app.click({ label: 'Dashboard', window: 'Navigation' });
  await app.waitText('page-title', 'Dashboard');
  await app.screenshot('dashboard');

  let pages = 0;
  for (const group of groups) {
    await app.click({ label: group, window: 'Navigation' });  // unfold
    for (const label of await entriesOf(app, group)) {
      await app.click({ label, window: 'Navigation' });
      const name = label.replace(/\s*\(\d+\)$/, '');
      await app.waitText('page-title', titleOf[name] || name);
      // A register page with rows: open the first, so the editor is in the picture too.
      const firstRow = (await app.items()).find((it) => it.window === 'Main' && /##row-/.test(it.ident || ''));
      if (firstRow) {
        await app.clickRowStart({ id: firstRow.id });
        await app.find({ id: 'editor-title' });
      }
      await app.screenshot(`${slug(group)}-${slug(name)}`);
      assert.equal(await app.text('problem-banner'), null, `a problem on ${label}`);
      if (firstRow && (await app.has('Close'))) await app.click('Close');
      pages += 1;
    }
    await app.click({ label: group, window: 'Navigation' });  // fold again
  }
  assert.ok(pages >= 30, `visited ${pages} pages`);

  await app.click({ id: 'settings-button' });
  await app.screenshot('settings');
  await app.click('Close');
  await app.click({ label: 'Trash', window: 'Navigation' });
  await app.waitText('page-title', 'Trash');
  await app.screenshot('trash');
  await app.click({ label: /^All workspaces/, window: 'Navigation' });
  await app.screenshot('workspaces');
  app.assertNoProblems();
}

test('every view at 1366x768', async () => { await visitAll(1366, 768); });
test('every view at 1920x1080', async () => { await visitAll(1920, 1080); });
