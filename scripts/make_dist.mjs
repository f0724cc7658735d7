// Assembles what the web build ships, from the linked module (isms.js + isms.wasm) and web/:
//   site/  the plain site that development and the browser tests use: fixed names, no service worker
//   dist/  what is deployed (docs/deploying.md): content-hashed names, a service worker (sw.js) that
//          keeps every file for offline use, a web app manifest, and isms-register.html, the whole
//          app in one file that works from disk.
// Every page allows no connections (CSP connect-src 'none'), so the module's bytes cannot be
// fetched: they travel as a script, isms.wasm.js, that hands them to boot.js as base64.
//
//   node scripts/make_dist.mjs --module DIR --web DIR [--site DIR] [--dist DIR] [--stamp TEXT] [--no-single]
//
// --module: where the linker wrote isms.js and isms.wasm; --web: the web/ folder (shell/ and dist/);
// --stamp: a note written into boot.js, so that a build of the same sources gets another version
// (the browser tests deploy such a build to see the update offered).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const sha256 = (data) => crypto.createHash('sha256').update(data);
const shortHash = (data) => sha256(data).digest('hex').slice(0, 8);

// The CSP of a page: nothing from anywhere unless named here, and never a connection.
function contentSecurityPolicy(directives) {
  const policy = {
    'default-src': ["'none'"],
    'connect-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    ...directives,
  };
  return Object.entries(policy).map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

// Fills the @NAME@ places of a template; a place left unfilled or a value without its place is
// a mistake in this script or in the template, not something to ship.
function fill(template, values, what) {
  let text = template;
  for (const [name, value] of Object.entries(values)) {
    const place = `@${name}@`;
    if (!text.includes(place)) throw new Error(`${what} has no place ${place}`);
    text = text.split(place).join(value);
  }
  const left = text.match(/@[A-Z_]+@/);
  if (left) throw new Error(`${what}: ${left[0]} was not filled`);
  return text;
}

// An inline <script> or <style> ends at the first "</script" or "</style"; "<!--" changes how
// the HTML parser reads a script. Neither may appear in what is inlined.
function inlineable(text, tag, what) {
  if (new RegExp(`</${tag}|<!--`, 'i').test(text)) throw new Error(`${what} cannot be inlined: it contains </${tag} or <!--`);
  return text;
}

const cspHash = (text) => `'sha256-${sha256(Buffer.from(text, 'utf8')).digest('base64')}'`;

function readInputs(moduleDir, webDir) {
  const read = (...parts) => fs.readFileSync(path.join(...parts));
  const wasm = read(moduleDir, 'isms.wasm');
  return {
    moduleJs: read(moduleDir, 'isms.js').toString('utf8'),
    wasmJs: "// ISMS Register's WebAssembly module as base64. A script, not a fetched .wasm file: the page's\n" +
      "// Content-Security-Policy allows no connections (web/shell/boot.js hands it to the module).\n" +
      `self.ismsWasm = "${wasm.toString('base64')}";\n`,
    page: read(webDir, 'shell', 'index.html').toString('utf8'),
    boot: read(webDir, 'shell', 'boot.js').toString('utf8'),
    css: read(webDir, 'shell', 'app.css').toString('utf8'),
    icon: read(webDir, 'shell', 'icon.svg').toString('utf8'),
    worker: read(webDir, 'dist', 'sw.js').toString('utf8'),
    manifest: read(webDir, 'dist', 'manifest.webmanifest').toString('utf8'),
  };
}

// Writes `files` (name -> text) into a fresh folder that then replaces `dir` in one step, so a
// server never serves half of one build and half of another, and no file of an older build stays.
function writeFolder(dir, files) {
  const fresh = `${dir}.tmp-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.mkdirSync(fresh, { recursive: true });
  for (const [name, data] of Object.entries(files)) fs.writeFileSync(path.join(fresh, name), data);
  const old = `${dir}.old-${process.pid}`;
  if (fs.existsSync(dir)) fs.renameSync(dir, old);
  fs.renameSync(fresh, dir);
  fs.rmSync(old, { recursive: true, force: true });
}

const siteScripts = (names) => names.map((n) => `<script src="${n}"></script>`).join('\n  ');

// The plain site: the module keeps its name; the shell and the module's bytes are put beside it.
function writeSite(siteDir, input) {
  const page = fill(input.page, {
    CSP: contentSecurityPolicy({
      'script-src': ["'self'", "'wasm-unsafe-eval'"], 'style-src': ["'self'"], 'img-src': ["'self'"],
    }),
    BUILD: 'development',
    HEAD: '<link rel="icon" href="icon.svg" type="image/svg+xml">\n  <link rel="stylesheet" href="app.css">',
    SCRIPTS: siteScripts(['isms.wasm.js', 'boot.js', 'isms.js']),
  }, 'web/shell/index.html');
  const files = { 'index.html': page, 'isms.wasm.js': input.wasmJs, 'boot.js': input.boot, 'app.css': input.css,
    'icon.svg': input.icon };
  for (const [name, data] of Object.entries(files)) {
    const file = path.join(siteDir, name);
    if (!fs.existsSync(file) || !fs.readFileSync(file).equals(Buffer.from(data))) fs.writeFileSync(file, data);
  }
}

// dist/: every file the page loads has its content's hash in its name, so a host may cache it
// for ever; index.html, sw.js, the manifest and the icon keep their names. The version (the
// service worker's cache name and window.isms.build) is a hash over all of it.
function buildDist(input, stamp) {
  const boot = stamp ? `${input.boot}// Build stamp: ${stamp}\n` : input.boot;
  const hashed = {};
  const name = (base, ext, text) => {
    const n = `${base}.${shortHash(text)}${ext}`;
    hashed[n] = text;
    return n;
  };
  const moduleJs = name('isms', '.js', input.moduleJs);
  const wasmJs = name('isms', '.wasm.js', input.wasmJs);
  const bootJs = name('boot', '.js', boot);
  const css = name('app', '.css', input.css);
  const fillPage = (build) => fill(input.page, {
    CSP: contentSecurityPolicy({
      'script-src': ["'self'", "'wasm-unsafe-eval'"], 'style-src': ["'self'"], 'img-src': ["'self'"],
      'worker-src': ["'self'"], 'manifest-src': ["'self'"],
    }),
    BUILD: build,
    HEAD: [
      '<meta name="isms-service-worker" content="sw.js">',
      '<meta name="theme-color" content="#1e293b">',
      '<link rel="manifest" href="manifest.webmanifest">',
      '<link rel="icon" href="icon.svg" type="image/svg+xml">',
      `<link rel="stylesheet" href="${css}">`,
    ].join('\n  '),
    SCRIPTS: siteScripts([wasmJs, bootJs, moduleJs]),
  }, 'web/shell/index.html');

  const kept = { ...hashed, 'icon.svg': input.icon, 'manifest.webmanifest': input.manifest };
  const fingerprint = sha256(fillPage('') + input.worker);
  for (const n of Object.keys(kept).sort()) fingerprint.update(`\n${n}:${shortHash(kept[n])}`);
  const version = fingerprint.digest('hex').slice(0, 12);

  const precached = ['./', 'index.html', ...Object.keys(kept).sort()];
  const worker = fill(input.worker, {
    VERSION: version,
    FILES: precached.map((n) => JSON.stringify(n)).join(', '),
  }, 'web/dist/sw.js');
  return { version, files: { ...kept, 'index.html': fillPage(version), 'sw.js': worker } };
}

// isms-register.html: the same page with everything inline. Inline code needs the page's CSP to
// name it: each script and the stylesheet by its SHA-256, so no other inline code could run.
function buildSingleFile(input, version) {
  const scripts = [
    inlineable(input.wasmJs, 'script', 'isms.wasm.js'),
    inlineable(input.boot, 'script', 'boot.js'),
    inlineable(input.moduleJs, 'script', 'isms.js'),
  ];
  const css = inlineable(input.css, 'style', 'app.css');
  const icon = `data:image/svg+xml;base64,${Buffer.from(input.icon).toString('base64')}`;
  return fill(input.page, {
    CSP: contentSecurityPolicy({
      'script-src': [...scripts.map(cspHash), "'wasm-unsafe-eval'"], 'style-src': [cspHash(css)], 'img-src': ['data:'],
    }),
    BUILD: version,
    HEAD: `<link rel="icon" href="${icon}" type="image/svg+xml">\n  <style>${css}</style>`,
    SCRIPTS: scripts.map((s) => `<script>${s}</script>`).join('\n  '),
  }, 'web/shell/index.html');
}

export function makeDist({ moduleDir, webDir, siteDir, distDir, stamp = '', single = true }) {
  const input = readInputs(moduleDir, webDir);
  if (siteDir) writeSite(siteDir, input);
  if (!distDir) return null;
  const dist = buildDist(input, stamp);
  if (single) dist.files['isms-register.html'] = buildSingleFile(input, dist.version);
  writeFolder(distDir, dist.files);
  return dist.version;
}

function parseArguments(argv) {
  const options = { single: true };
  const names = { '--module': 'moduleDir', '--web': 'webDir', '--site': 'siteDir', '--dist': 'distDir', '--stamp': 'stamp' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-single') options.single = false;
    else if (names[argv[i]] && i + 1 < argv.length) options[names[argv[i]]] = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (!options.moduleDir || !options.webDir) throw new Error('--module and --web are required');
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  try {
    const version = makeDist(parseArguments(process.argv.slice(2)));
    if (version) console.log(`dist version ${version}`);
  } catch (e) {
    console.error(`make_dist: ${e.message}`);
    process.exit(1);
  }
}
