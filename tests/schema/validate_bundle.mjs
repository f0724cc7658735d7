// The bundle format's JSON Schema (assets/bundle.schema.json, issue 5): it is the schema made from
// the register definitions, real bundles written by the app validate against it, and it refuses
// broken ones (so this check can fail).
//
//   node validate_bundle.mjs <write_sample_bundle program> <assets/bundle.schema.json>
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

// ajv is a development dependency of the browser tests: resolve it from their node_modules.
const here = path.dirname(new URL(import.meta.url).pathname);
const require = createRequire(path.join(here, '../e2e/package.json'));
const Ajv2020 = require('ajv/dist/2020').default;

const [tool, schemaPath] = process.argv.slice(2);
assert.ok(tool && schemaPath, 'usage: node validate_bundle.mjs <write_sample_bundle> <bundle.schema.json>');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-schema-'));
const files = {
  bundle: path.join(work, 'sample.isms.json'),
  lean: path.join(work, 'sample-lean.isms.json'),
  schema: path.join(work, 'generated.schema.json'),
};
execFileSync(tool, ['--bundle', files.bundle, '--lean-bundle', files.lean, '--schema', files.schema]);
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const schemaText = fs.readFileSync(schemaPath, 'utf8');
const validate = new Ajv2020({ strict: true, allErrors: false }).compile(JSON.parse(schemaText));
const read = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const problems = () => JSON.stringify(validate.errors?.slice(0, 3), null, 1);

test('assets/bundle.schema.json is the schema made from the register definitions', () => {
  assert.equal(schemaText, fs.readFileSync(files.schema, 'utf8'),
    'the registers changed: regenerate it with write_sample_bundle --schema assets/bundle.schema.json');
});

test('a written bundle with attachment bytes validates', () => {
  const bundle = read(files.bundle);
  assert.ok(bundle.content.records.length > 150, 'the catalogs and the sample records are in it');
  assert.ok(bundle.content.attachments.some((a) => typeof a.bytes === 'string'), 'it carries attachment bytes');
  assert.ok(validate(bundle), problems());
});

test('a written bundle without attachment bytes validates', () => {
  const bundle = read(files.lean);
  assert.equal(bundle.content.attachments_included, false);
  assert.ok(bundle.content.attachments.every((a) => !('bytes' in a)));
  assert.ok(validate(bundle), problems());
});

// Each breaks one rule of the format; the schema must say no to each.
const breakages = {
  'a member the format does not have': (b) => { b.comment = 'hi'; },
  'another format name': (b) => { b.format = 'another-bundle'; },
  'a newer format version': (b) => { b.format_version = 2; },
  'a checksum that is not SHA-256': (b) => { b.checksum = 'md5:0123'; },
  'no exported_at': (b) => { delete b.content.exported_at; },
  'a workspace id that is a path': (b) => { b.content.workspace.id = '../../etc'; },
  'a record without a kind': (b) => { delete b.content.records[0].kind; },
  'an unknown register': (b) => { b.content.records[0].kind = 'gizmo'; },
  'a store time of another shape': (b) => { b.content.records[0].updated_at = 'yesterday'; },
  'a field its register does not have': (b) => { recordOf(b, 'asset').fields.colour = 'grey'; },
  'text where a whole number belongs': (b) => { recordOf(b, 'risk').fields.inherent_likelihood = 'high'; },
  'a fraction where a whole number belongs': (b) => { recordOf(b, 'risk').fields.inherent_likelihood = 2.5; },
  'an enum value that is not an option': (b) => { recordOf(b, 'asset').fields.type = 'gadget'; },
  'a date of another shape': (b) => { recordOf(b, 'risk').fields.review_date = '28.2.2027'; },
  'a link list that is not a list': (b) => { recordOf(b, 'risk').fields.assets = 'asset-1'; },
  'text over its field limit': (b) => { recordOf(b, 'asset').fields.name = 'x'.repeat(201); },
  'versions of a field the register does not have': (b) => {
    const versions = recordOf(b, 'asset').versions;
    versions['replica-x'] = { colour: 1 };
  },
  'a negative count of writes': (b) => { recordOf(b, 'asset').versions['replica-x'] = { name: -1 }; },
  'attachment bytes that are not base64': (b) => { b.content.attachments[0].bytes = 'not base64!'; },
  'an attachment digest in capitals': (b) => {
    b.content.attachments[0].sha256 = b.content.attachments[0].sha256.toUpperCase();
  },
};

function recordOf(bundle, kind) {
  const record = bundle.content.records.find((r) => r.kind === kind && !r.deleted);
  assert.ok(record, `the sample has a live ${kind}`);
  return record;
}

for (const [name, breakIt] of Object.entries(breakages)) {
  test(`the schema refuses ${name}`, () => {
    const bundle = read(files.bundle);
    breakIt(bundle);
    assert.equal(validate(bundle), false, `accepted ${name}`);
  });
}
