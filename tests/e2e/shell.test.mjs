// The interface shell: fills the window and follows it, sharp at 1x/1.5x/2x, idle when nothing
// happens, Central European text, copy and paste through the browser clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

async function canvasState(app) {
  return app.page.evaluate(() => {
    const c = document.getElementById('canvas');
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight, dpr: devicePixelRatio };
  });
}

for (const dpr of [1, 1.5, 2]) {
  test(`drawing buffer matches the screen at devicePixelRatio ${dpr}`, async () => {
    const { context } = await openBrowser({ dpr });
    const app = await AppPage.open(context, site.url, `dpr-${dpr}`);
    const c = await canvasState(app);
    assert.equal(c.cssWidth, 1366);
    assert.equal(c.cssHeight, 768);
    assert.equal(c.width, Math.round(1366 * dpr), 'one canvas pixel per device pixel');
    assert.equal(c.height, Math.round(768 * dpr));
    // Items are reported in CSS pixels whatever the ratio: the same button, the same place.
    const button = await app.find('New workspace');
    assert.ok(button.x > 200 && button.x < 320, `button x ${button.x}`);
    assert.ok(button.h > 24 && button.h < 40, `button height ${button.h}`);
    await app.click('New workspace');
    const client = 'Müller & Søn, Łódź, Dvořák, € – “quoted” …';
    await app.fill('Client organisation', client);
    await app.screenshot('form');
    await app.fill('Workspace name', `Sharp at ${dpr}x`);
    await app.fill('Consultant', 'Zoë Nováková');
    await app.press('Enter');  // Enter submits the form
    // Every character arrives once, in order: nothing doubled or dropped by the text input path.
    const literal = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await app.waitText('workspace-subtitle', new RegExp(`^Client: ${literal(client)} · Consultant: Zoë Nováková · Created `));
    await app.screenshot('created');
    app.assertNoProblems();
    await context.close();
  });
}

test('the canvas follows the window', async () => {
  const { context } = await openBrowser({ width: 1366, height: 768 });
  const app = await AppPage.open(context, site.url, 'resize');
  await app.page.setViewportSize({ width: 1920, height: 1080 });
  await app.page.waitForFunction(() => document.getElementById('canvas').width === 1920);
  await app.settle();
  const c = await canvasState(app);
  assert.deepEqual([c.width, c.height], [1920, 1080]);
  const status = await app.find({ id: 'save-status' });
  assert.ok(status.x + status.w > 1800, 'the top bar reaches the right edge');
  await app.screenshot('1920x1080');
  await context.close();
});

test('nothing is drawn while nothing happens', async () => {
  const { context } = await openBrowser();
  const app = await AppPage.open(context, site.url, 'idle');
  await app.settle();
  const before = await app.frameCount();
  await app.page.waitForTimeout(1000);
  assert.equal(await app.frameCount(), before, 'no frames without input');
  await app.page.mouse.move(500, 400);
  await app.page.mouse.move(520, 410);
  await app.frames(1);
  await app.settle();
  const after = await app.frameCount();
  assert.ok(after > before, 'input draws');
  assert.ok(after - before < 20, `a few frames per input, not a stream (${after - before})`);
  await context.close();
});

test('copy and paste go through the browser clipboard', async () => {
  const { context } = await openBrowser({ permissions: ['clipboard-read', 'clipboard-write'] });
  const app = await AppPage.open(context, site.url, 'clipboard');
  await app.click('New workspace');
  // Copy out of the app: the text lands in the browser's clipboard.
  await app.fill('Workspace name', 'Dvořák & Söhne ISMS');
  await app.press('Control+A');
  await app.press('Control+C');
  await app.page.waitForFunction(async () => (await navigator.clipboard.readText()) === 'Dvořák & Söhne ISMS', null, { timeout: 5000 });
  // Paste into the app from the browser's clipboard.
  await app.page.evaluate(() => navigator.clipboard.writeText('Łódź Logistics Sp. z o.o.'));
  await app.click('Client organisation');
  await app.press('Control+V');
  await app.fill('Consultant', 'Eva');
  await app.click('Create workspace');
  await app.waitText('workspace-subtitle', /Client: Łódź Logistics Sp\. z o\.o\./);
  app.assertNoProblems();
  await context.close();
});
