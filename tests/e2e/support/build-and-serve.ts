// Playwright's web server: builds the fixture site, then serves it until the tests end.
import path from 'node:path';
import { buildSite, ROOT } from './build.ts';
import { serveStatic } from './serve.ts';

const port = Number(process.env.E2E_PORT ?? 4391);
const outDir = path.join(ROOT, 'tests', '.out', 'site');
// A path relative to the project root, as a newsroom would set CONTENT_DIR.
const build = buildSite({ contentDir: 'tests/fixtures/site', outDir, cacheDir: path.join(ROOT, 'tests', '.out', 'site-cache') });
if (build.status !== 0) {
  console.error(build.output);
  process.exit(1);
}
await serveStatic(outDir, port);
console.log(`Fixture site on http://127.0.0.1:${port}/`);
