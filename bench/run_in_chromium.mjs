// Runs the WebAssembly benchmark (build/web/bench/isms_bench.js) in headless Chromium, the
// browser our users have, and prints what it prints. Arguments go to the benchmark:
//   node bench/run_in_chromium.mjs [--scale 1.0] [--runs 5] [--only bundles]
// Exits with the benchmark's status.
import path from 'node:path';
import { openBrowser, closeBrowsers } from '../tests/e2e/lib/harness.mjs';
import { serve } from '../scripts/serve.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const benchDir = process.env.ISMS_BENCH_DIR || path.resolve(here, '../build/web/bench');
const server = await serve(benchDir, 0);
const query = new URLSearchParams(process.argv.slice(2).map((a) => ['arg', a])).toString();
const url = `http://127.0.0.1:${server.address().port}/browser.html?${query}`;

let status = 1;
try {
  const { context } = await openBrowser({ width: 800, height: 600 });
  const page = context.pages()[0] || (await context.newPage());
  page.on('console', (message) => console.log(message.text()));
  console.log(`(in ${await page.evaluate(() => navigator.userAgent)})`);
  await page.goto(url);
  // The benchmark holds the page's thread for minutes; this returns once it has let go.
  await page.waitForFunction(() => window.benchExit !== undefined, null, { timeout: 30 * 60 * 1000, polling: 1000 });
  status = await page.evaluate(() => window.benchExit);
} finally {
  await closeBrowsers();
  server.close();
}
process.exit(status);
