// A large workspace (20,000 more people than the sample) is exported with a progress bar: the
// export runs a slice per frame, the dialog shows how far it is, and the download holds every
// record. The bundle is made by the native tool tests/tools/write_sample_bundle and opened
// through the browser's file chooser, as a colleague's bundle would be.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, openBrowser, closeBrowsers, AppPage, artifactsDir } from './lib/harness.mjs';

const tool = process.env.ISMS_SAMPLE_BUNDLE_TOOL;
const people = 20000;

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

test('a large export shows a progress bar that moves, then downloads every record', async () => {
  assert.ok(tool && fs.existsSync(tool), `no bundle tool at ${tool}: run scripts/build.sh`);
  fs.mkdirSync(artifactsDir, { recursive: true });
  const bundleFile = path.join(artifactsDir, 'large.isms.json');
  execFileSync(tool, ['--bundle', bundleFile, '--people', String(people)]);
  const written = JSON.parse(fs.readFileSync(bundleFile, 'utf8'));

  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'bundle-progress');
  const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.click('Import')]);
  await chooser.setFiles(bundleFile);
  await app.waitText('page-title', 'Acme 2026', { timeout: 120000 });

  // Every frame of the export is watched in the page (the check runs at each animation frame):
  // the progress bar's "done of total" texts, in the order they were shown.
  const watching = app.page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    const started = performance.now();
    const look = () => {
      const bar = window.isms.ui.items().find((item) => item.id === 'progress-bar');
      if (bar && seen[seen.length - 1] !== bar.label) seen.push(bar.label);
      if (seen.length > 0 && !bar) return resolve(seen);
      if (performance.now() - started > 60000) return resolve(seen);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }));
  await app.click('Export');
  const [download] = await Promise.all([app.page.waitForEvent('download', { timeout: 60000 }),
    app.click({ label: 'Bundle without attachments', kind: 'item' })]);
  const shown = await watching;

  // It moved: more than one step, each further than the one before, out of one total.
  assert.ok(shown.length >= 2, `the progress bar showed ${JSON.stringify(shown)}`);
  const steps = shown.map((text) => text.match(/^(\d+) of (\d+)$/));
  assert.ok(steps.every(Boolean), JSON.stringify(shown));
  const total = Number(steps[0][2]);
  assert.ok(steps.every((m) => Number(m[2]) === total));
  for (let i = 1; i < steps.length; i++) assert.ok(Number(steps[i][1]) > Number(steps[i - 1][1]));
  assert.ok(total >= written.content.records.length);

  const file = path.join(artifactsDir, download.suggestedFilename());
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.content.records.length, written.content.records.length);
  assert.equal(exported.content.records.filter((r) => r.kind === 'person').length,
    written.content.records.filter((r) => r.kind === 'person').length);
  await app.gone({ id: 'progress-bar' });
  await app.screenshot('after-export');
  app.assertNoProblems();
});
