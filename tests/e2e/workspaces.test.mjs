// A consultant's first minutes: create a workspace for a client, come back to it after closing
// the browser, rename it, delete it, restore it, empty the trash. Real clicks and keys only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

const NAME = 'ISO 27001 – Erstzertifizierung';
const CLIENT = 'Müller & Søn, Łódź';
const CONSULTANT = 'Anna Dvořák';
const RENAMED = 'O\'Brien "Ltd" – 2027 re-cert €';

async function waitSaved(app) {
  await app.waitText('save-status', /^Saved in this browser at/, { timeout: 15000 });
}

test('create, keep across a browser restart, rename, delete and restore a workspace', async () => {
  let browser = await openBrowser();
  let app = await AppPage.open(browser.context, site.url, 'workspaces');
  await app.find({ id: 'workspaces-empty' });
  await app.screenshot('empty');

  // Bad names get a clear message next to the field and create nothing.
  await app.click('New workspace');
  await app.click('Create workspace');
  await app.waitText('error:Workspace name', /Workspace name is required/);
  await app.waitText('error:Client organisation', /required/);
  await app.waitText('error:Consultant', /required/);
  await app.screenshot('required-fields');

  await app.fill('Workspace name', '    ');
  await app.click('Create workspace');
  assert.match(await app.text('error:Workspace name'), /Workspace name is required/);

  await app.fill('Workspace name', 'x'.repeat(201));
  await app.fill('Client organisation', CLIENT);
  await app.fill('Consultant', CONSULTANT);
  await app.click('Create workspace');
  assert.match(await app.text('error:Workspace name'), /too long.*201.*200/);
  assert.equal(await app.text('error:Client organisation'), null, 'a valid field shows no message');
  await app.screenshot('name-too-long');

  // What was typed survives the failed attempt: only the name needs fixing.
  await app.fill('Workspace name', NAME);
  await app.click('Create workspace');
  await app.waitText('page-title', NAME);
  await app.waitText('current-workspace', NAME);
  assert.match(await app.text('workspace-subtitle'), new RegExp(`Client: ${CLIENT}`));
  await waitSaved(app);
  await app.screenshot('created');

  // Close the browser completely, start it again on the same profile: the workspace is there.
  await browser.context.close();
  browser = await openBrowser({ profileDir: browser.profileDir });
  app = await AppPage.open(browser.context, site.url, 'workspaces-reopened');
  const row = await app.find({ label: NAME, window: 'Main' });
  assert.ok(row.w > 0);
  await app.find({ label: /^All workspaces \(1\)$/ });
  await app.screenshot('after-restart');

  // Rename from the list: a bad name is refused in the dialog, a good one sticks across a reload.
  await app.clickRowAction(NAME, 'Rename');
  await app.find({ label: 'New workspace name' });
  await app.fill('New workspace name', '');
  await app.click('Save name');
  assert.match(await app.text('error:New workspace name'), /required/);
  await app.fill('New workspace name', RENAMED);
  await app.screenshot('rename-dialog');
  await app.click('Save name');
  await app.find({ label: RENAMED, window: 'Main' });
  assert.equal(await app.has({ label: NAME, window: 'Main' }), false);
  await waitSaved(app);
  await app.reload();
  await app.find({ label: RENAMED, window: 'Main' });

  // Delete asks first; Cancel keeps it.
  await app.clickRowAction(RENAMED, 'Delete');
  await app.find({ label: 'Move to trash' });
  await app.screenshot('delete-confirmation');
  await app.click('Cancel');
  await app.find({ label: RENAMED, window: 'Main' });

  await app.clickRowAction(RENAMED, 'Delete');
  await app.click('Move to trash');
  await app.gone({ label: RENAMED, window: 'Main' });
  await app.find({ id: 'workspaces-empty' });
  await app.click({ label: /^Trash \(1\)$/ });
  await app.find({ label: RENAMED, window: 'Main' });
  await app.screenshot('trash');
  await app.clickRowAction(RENAMED, 'Restore');
  await app.click({ label: /^All workspaces/ });
  await app.find({ label: RENAMED, window: 'Main' });
  await waitSaved(app);
  await app.reload();
  await app.find({ label: RENAMED, window: 'Main' });

  // Open it: the overview shows the client and the (empty) asset register.
  await app.clickRowAction(RENAMED, 'Open');
  await app.waitText('page-title', RENAMED);
  // The register counts are below the evidence and report sections: scrolled to.
  const main = await app.find({ id: 'page-title' });
  await app.reveal({ id: 'count:asset' }, { x: main.x + 300, y: main.y + 300 });
  assert.equal(await app.text('count:asset'), '0');
  // Seeded from the ISO/IEC 27001:2022 catalogs when the workspace was created.
  await app.reveal({ id: 'count:clause' }, { x: main.x + 300, y: main.y + 300 });
  assert.equal(await app.text('count:control'), '93');
  assert.equal(await app.text('count:clause'), '41');
  for (let i = 0; i < 30 && !(await app.has('Rename workspace')); i++) {  // back to the top
    await app.page.mouse.wheel(0, -240);
    await app.frames(2);
  }

  // Delete for good: trash, then empty the trash; gone after a reload too.
  await app.click('Rename workspace');
  await app.click('Cancel');
  await app.click({ label: /^All workspaces/ });
  await app.clickRowAction(RENAMED, 'Delete');
  await app.click('Move to trash');
  await app.click({ label: /^Trash \(1\)$/ });
  await app.click('Empty trash');
  await app.screenshot('empty-trash-confirmation');
  const databases = () => app.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  assert.equal((await databases()).filter((n) => n.startsWith('/isms/ws-')).length, 1);
  // The tables' layout of the workspace was kept in the browser's settings; deleting it for good
  // leaves no trace of the client there either.
  const layouts = () => app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('isms-register.table-layout:')));
  assert.equal((await layouts()).length, 1, 'the overview\'s tables left their layout');
  await app.click('Delete for good');
  await app.find({ id: 'trash-empty' });
  assert.deepEqual(await layouts(), []);
  await app.page.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name.startsWith('/isms/ws-')));
  await waitSaved(app);
  await app.reload();
  await app.find({ id: 'workspaces-empty' });
  assert.equal(await app.has({ label: /^Trash \(/ }), false, 'the trash is empty after a reload');

  app.assertNoProblems();
  await browser.context.close();
});
