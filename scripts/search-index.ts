// `node scripts/search-index.ts`: the last step of `npm run build`, once `astro build` has exited. Builds the
// Pagefind search index of the built site (DATELINE_OUT_DIR or dist/), as the build itself does when run
// bare; see searchIndex() in src/integrations/search-index.ts for why it is a step of its own.
import path from 'node:path';
import { buildIndex } from '../src/integrations/search-index.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const outDir = path.resolve(ROOT, process.env.DATELINE_OUT_DIR || 'dist');

try {
  console.log(await buildIndex(outDir, 'search-index-after-build'));
} catch (error) {
  console.error(`The search index of ${outDir} could not be built: ${(error as Error).message}`);
  process.exitCode = 1;
}
