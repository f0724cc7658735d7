// The record editor's widgets (issue 4, item 3) with a person's mouse and keys: a risk's
// likelihood and impact set by their sliders (a click on a step, Tab and a typed number) and the
// score computed on save; a number field stepped up to its bound and no further, a typed value
// beyond it refused with core's message; a milestone walked through its lifecycle by the buttons
// that offer only the allowed steps, and the last step undone with Ctrl+Z.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, openBrowser, closeBrowsers, AppPage } from './lib/harness.mjs';
import {
  clickSliderStep, createWorkspace, fillField, openRegister, openRisks, revealInEditor, typeIntoSlider,
} from './lib/registers.mjs';

let site;
before(async () => { site = await startSite(); });
after(async () => { await closeBrowsers(); await site.close(); });

// The lifecycle steps the editor offers now: the targets' values, from the "transition:" keys.
async function offeredSteps(app) {
  await revealInEditor(app, { id: 'status:Status' });
  return (await app.items()).filter((it) => it.id.startsWith('transition:')).map((it) => it.id.slice('transition:'.length));
}

// Whether the button noted under the key `id` can be pressed.
async function enabled(app, id) {
  const noted = await app.find({ id });
  return !noted.disabled;
}

test('a risk is assessed with the sliders and its score computed on save', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'editor-widgets-sliders');
  await createWorkspace(app, 'Widgets 2027');
  await openRisks(app);
  await app.click('New risk');
  await fillField(app, 'Title', 'Stolen laptop');
  await revealInEditor(app, { id: 'rating:Inherent likelihood' });
  assert.equal(await app.text('rating:Inherent likelihood'), 'Not rated');
  // The standard method names its levels: the slider says the level's meaning.
  await clickSliderStep(app, 'Inherent likelihood', 4, 1, 5);
  assert.equal(await app.text('rating:Inherent likelihood'), '4 · Likely');
  await app.screenshot('likelihood-clicked');
  // The keyboard: Ctrl+click makes the slider a text field (its number selected), and Tab moves
  // on to the impact slider, which then takes a typed number too.
  await typeIntoSlider(app, 'Inherent likelihood', '4');
  await app.press('Tab');
  await app.find({ label: 'Inherent impact', kind: 'item', active: true });
  // Reaching an unrated slider by Tab rates nothing: only what is typed or clicked counts.
  await app.page.waitForTimeout(300);  // (no frames to wait for: the loop sleeps when nothing changed)
  assert.equal(await app.text('rating:Inherent impact'), 'Not rated');
  await app.type('3');
  await app.waitText('rating:Inherent impact', '3 · Moderate');
  await revealInEditor(app, { id: 'value:Inherent score' });
  assert.equal(await app.text('value:Inherent score'), '', 'computed on save');
  // Residual ratings are optional: set, then cleared again with the slider's Clear.
  await revealInEditor(app, { id: 'rating:Residual likelihood' });
  await clickSliderStep(app, 'Residual likelihood', 2, 1, 5);
  assert.equal(await app.text('rating:Residual likelihood'), '2 · Unlikely');
  await app.click({ id: 'rating-clear:Residual likelihood' });
  assert.equal(await app.text('rating:Residual likelihood'), 'Not rated');
  await app.gone({ id: 'rating-clear:Residual likelihood' });
  await app.screenshot('sliders-set');

  await app.click('Add');
  await app.find({ label: 'Added risk "Stolen laptop".' });
  await revealInEditor(app, { id: 'value:Inherent score' });
  assert.equal(await app.text('value:Inherent score'), '12', '4 x 3');
  assert.equal(await app.text('value:Inherent level'), 'high');
  await app.screenshot('score-computed');

  // Dragged further along, the slider keeps to its scale: the last step is 5.
  await revealInEditor(app, { id: 'rating:Inherent impact' });
  const impact = await app.find({ label: 'Inherent impact', kind: 'item' });
  await app.after(() => app.page.mouse.move(impact.x + impact.w * 0.3, impact.y + impact.h / 2), 1);
  await app.after(() => app.page.mouse.down(), 1);
  await app.after(() => app.page.mouse.move(Math.min(impact.x + impact.w + 30, 1360), impact.y + impact.h / 2, { steps: 5 }), 2);
  await app.after(() => app.page.mouse.up(), 2);
  assert.equal(await app.text('rating:Inherent impact'), '5 · Severe');
  await app.click('Save');
  await app.find({ label: 'Saved risk "Stolen laptop".' });
  await revealInEditor(app, { id: 'value:Inherent score' });
  assert.equal(await app.text('value:Inherent score'), '20', '4 x 5');
  app.assertNoProblems();
});

test('a milestone steps to its bound and walks its lifecycle by the allowed steps, undone by Ctrl+Z', async () => {
  const browser = await openBrowser();
  const app = await AppPage.open(browser.context, site.url, 'editor-widgets-lifecycle');
  await createWorkspace(app, 'Lifecycle 2027');
  await openRegister(app, 'Program', 'Program timeline');
  const row = (await app.items()).find((it) => it.ident && it.ident.includes('##row-'));
  assert.ok(row, 'the seeded milestones are listed');
  await app.clickRowStart({ ident: row.ident });
  await app.waitText('editor-title', row.label);

  // A stored milestone's status: the chip, and a button per step allowed from it.
  await revealInEditor(app, { id: 'status:Status' });
  assert.equal(await app.text('status:Status'), 'Not started');
  assert.deepEqual(await offeredSteps(app), ['in_progress', 'done']);
  assert.equal(await app.has({ id: 'combo:Status' }), false, 'no list of every state');

  // The progress: typed near the top, stepped up to 100 and no further.
  await fillField(app, 'Progress (%)', '98');
  await app.click({ id: 'stepper-plus:Progress (%)' });
  await app.waitText('value:Progress (%)', '99');
  await app.click({ id: 'stepper-plus:Progress (%)' });
  await app.waitText('value:Progress (%)', '100');
  assert.equal(await enabled(app, 'stepper-plus:Progress (%)'), false, 'no step beyond the bound');
  await app.click({ id: 'stepper-plus:Progress (%)' });
  assert.equal(await app.text('value:Progress (%)'), '100');
  assert.equal(await enabled(app, 'stepper-minus:Progress (%)'), true);
  await app.screenshot('stepped-to-bound');

  // A value typed beyond the bound is kept as typed and refused by core, beside the field.
  await fillField(app, 'Progress (%)', '150');
  assert.equal(await app.text('value:Progress (%)'), '150');
  assert.equal(await enabled(app, 'stepper-plus:Progress (%)'), false);
  await app.click('Save');
  await revealInEditor(app, { id: 'error:Progress (%)' });
  assert.match(await app.text('error:Progress (%)'), /between 0 and 100/);
  assert.match(await app.text('editor-title'), /unsaved changes/);
  await app.screenshot('refused-beyond-bound');
  // The minus brings it back within the bounds, and the message goes with the old value.
  await app.click({ id: 'stepper-minus:Progress (%)' });
  await app.waitText('value:Progress (%)', '100');
  await app.gone({ id: 'error:Progress (%)' });

  // Start the work: the step is chosen, shown, and written by Save like any other change.
  await app.click({ id: 'transition:in_progress' });
  await app.waitText('pending:Status', 'Becomes In progress when saved.');
  assert.equal(await app.text('status:Status'), 'Not started', 'the stored status until saved');
  await app.screenshot('step-chosen');
  await app.click('Save');
  await app.find({ label: `Saved milestone "${row.label}".` });
  await revealInEditor(app, { id: 'status:Status' });
  await app.waitText('status:Status', 'In progress');
  assert.equal(await app.has({ id: 'pending:Status' }), false);
  assert.deepEqual(await offeredSteps(app), ['not_started', 'done']);

  // Done: from there only back to in progress; "not started" is not offered.
  await app.click({ id: 'transition:done' });
  await app.click('Save');
  await revealInEditor(app, { id: 'status:Status' });
  await app.waitText('status:Status', 'Done');
  assert.deepEqual(await offeredSteps(app), ['in_progress']);
  assert.equal(await app.has({ id: 'transition:not_started' }), false, 'a step the lifecycle refuses is not offered');
  await app.screenshot('done');

  // Ctrl+Z (outside a text field) takes the last step back.
  await app.click({ id: 'editor-title' });
  await app.press('Control+z');
  await app.find({ label: `Undone: edit of milestone "${row.label}".` });
  await revealInEditor(app, { id: 'status:Status' });
  await app.waitText('status:Status', 'In progress');
  assert.deepEqual(await offeredSteps(app), ['not_started', 'done']);
  await app.screenshot('undone');
  app.assertNoProblems();
});
