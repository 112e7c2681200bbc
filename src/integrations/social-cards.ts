import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { startTimer } from '../build/build-timing.ts';
import { buildCards, skipCards } from '../cards/cards.ts';
import { CARDS_FOLDER } from '../lib/urls.ts';

/**
 * Publishes the social cards into the output's cards folder at the end of the build. The card route
 * (src/pages/cards/[slug].png.ts) queues them before any page renders and, in a build, leaves writing them
 * to this step: Astro renders routes in a fixed order with cards near the start, so cards written as pages
 * would hold up every page behind them, and the drawing threads would sit idle while the pages render.
 * Queued early and published last, they are drawn while pages render; here the build waits only for those
 * not done yet. The folder is kept in step with the build (prune-output.ts leaves it alone).
 */
export function socialCards(): AstroIntegration {
  return {
    name: 'dateline-social-cards',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = path.join(fileURLToPath(dir), CARDS_FOLDER);
        // Without cards, none is left from an earlier build (the cache keeps them for the next build with cards).
        if (skipCards()) return rmSync(out, { recursive: true, force: true });
        const stop = startTimer('cards');
        const { cards, drawn, written, removed } = await buildCards().writeAll(out);
        stop();
        logger.info(`social cards: ${cards} (${drawn} drawn, ${cards - drawn} from the cache; ${written} written, ${removed} removed)`);
      },
    },
  };
}
