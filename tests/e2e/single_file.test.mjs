// The single-file app (dist/isms-register.html), as a consultant gets it by e-mail or on a USB
// stick: opened from disk in a fresh browser profile, used with the network off, closed and
// opened again: everything is there. Nothing is requested but the file itself, and its CSP
// names each inline script by its hash and allows no connection.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { distDir, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import { createWorkspace, editorPoint, fillField, openRisks } from './lib/registers.mjs';

const file = path.join(distDir, 'isms-register.html');
after(async () => { await closeBrowsers(); });

async function valueOf(app, label) {
  await app.reveal({ id: `value:${label}` }, await editorPoint(app));
  return app.text(`value:${label}`);
}

test('its Content-Security-Policy allows no connection and no inline code but its own', () => {
  const html = fs.readFileSync(file, 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([n, ...v]) => [n, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'none'"]);
  assert.ok(!policy.includes('unsafe-inline') && !policy.includes("'self'"), policy);
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(scripts.length, 3, 'the module\'s bytes, boot.js and the module');
  assert.equal(html.match(/<script/g).length, 3, 'no script from elsewhere');
  assert.ok(!/<link[^>]+href="(?!data:)/.test(html), 'no linked file');
  const hashes = directives['script-src'].filter((s) => s.startsWith("'sha256-"));
  assert.equal(hashes.length, 3);
});

test('opened from disk, it works offline and keeps its workspaces across a browser restart', async () => {
  const url = pathToFileURL(file).href;
  let browser = await openBrowser();
  await browser.context.setOffline(true);
  const seen = [];
  browser.context.on('request', (request) => seen.push(request.url()));
  let app = await AppPage.open(browser.context, url, 'single-file');
  assert.match(await app.page.evaluate(() => window.isms.build), /^[0-9a-f]{12}$/);
  assert.deepEqual(seen, [url], 'the file itself is all it loads');
  assert.equal(await app.page.evaluate(() => navigator.serviceWorker && navigator.serviceWorker.controller), null);

  await createWorkspace(app, 'From the USB stick');
  await openRisks(app);
  await app.click('New risk');
  await fillField(app, 'Title', 'Visitors plug unknown USB sticks into kiosk PCs');
  await fillField(app, 'Inherent likelihood', '3');
  await fillField(app, 'Inherent impact', '3');
  await app.click('Add');
  await app.waitText('editor-title', 'Visitors plug unknown USB sticks into kiosk PCs');
  await fillField(app, 'Inherent impact', '2');
  await app.click('Save');
  await app.waitText('editor-title', 'Visitors plug unknown USB sticks into kiosk PCs');
  assert.equal(await valueOf(app, 'Inherent score'), '6');
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
  assert.deepEqual(seen, [url], 'working makes no request');
  await app.screenshot('edited');
  app.assertNoProblems();

  // The browser is closed completely and the file opened again with the same profile.
  await browser.context.close();
  browser = await openBrowser({ profileDir: browser.profileDir });
  await browser.context.setOffline(true);
  app = await AppPage.open(browser.context, url, 'single-file-reopened');
  await app.clickRowAction('From the USB stick', 'Open');
  await app.waitText('page-title', 'From the USB stick');
  await openRisks(app);
  await app.waitText('count:risk', '1 record');
  await app.click({ label: 'Visitors plug unknown USB sticks into kiosk PCs' });
  assert.equal(await valueOf(app, 'Inherent score'), '6', 'the edited impact (3 x 2)');
  await app.screenshot('reopened');
  app.assertNoProblems();
  await browser.context.close();
});
