// A small static file server for the built site (or dist/), bound to 127.0.0.1 only. It sends
// the right MIME types and no caching headers that would hide a fresh build. Used by
// scripts/serve.sh and by the browser tests.
//   node scripts/serve.mjs SITE_DIR [PORT]     PORT 0 picks a free one; prints the URL.
// serve(dir, port, host, { onRequest }) calls onRequest(method, path) for every request that
// reaches it: the offline tests count what the browser still asks of the network.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json',
};

export function serve(siteDir, port = 0, host = '127.0.0.1', { onRequest } = {}) {
  const root = path.resolve(siteDir);
  const server = http.createServer((req, res) => {
    if (onRequest) onRequest(req.method, req.url);
    let file;
    try {
      file = path.normalize(path.join(root, decodeURIComponent(new URL(req.url, 'http://localhost').pathname)));
    } catch {
      res.writeHead(400).end();  // a malformed %-escape
      return;
    }
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'Content-Type': types[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const [siteDir, port = '8080'] = process.argv.slice(2);
  if (!siteDir || !fs.existsSync(path.join(siteDir, 'index.html'))) {
    console.error(`No built site in ${siteDir}: run scripts/build.sh web first.`);
    process.exit(1);
  }
  const server = await serve(siteDir, Number(port));
  console.log(`ISMS Register is served at http://127.0.0.1:${server.address().port}/  (Ctrl+C stops it)`);
}
