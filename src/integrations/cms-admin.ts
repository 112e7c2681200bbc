import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { stringify } from 'yaml';
import { adminPage, editorFonts, fontsScript } from '../lib/cms/admin-page.ts';
import { cmsConfig } from '../lib/cms/config.ts';
import type { CmsSettings } from '../lib/cms/settings.ts';
import { ADMIN_FOLDER, joinBase } from '../lib/urls.ts';

/** The Sveltia CMS package's folder (it exports no package.json: found from its entry point, `npm/index.js`). */
const PACKAGE = fileURLToPath(new URL('..', import.meta.resolve('@sveltia/cms')));

/** What the editor is built from: the `cms` setting and the newsroom settings its configuration reads. */
export interface CmsAdminOptions {
  cms: CmsSettings | false;
  publisher: string;
  sections: readonly string[];
  timeZone: string;
  /** The site's origin (`https://news.example.org`). */
  siteOrigin: string;
  /** The folder articles are read from (CONTENT_DIR), absolute. */
  contentDir: string;
  /** The project's folder, the repository's root unless `cms.folder` says otherwise. */
  root: string;
}

/**
 * Writes the editor into `admin/` of the build when the `cms` setting turns it on: Sveltia's single-file
 * bundle and its one chunk, its fonts and their licences (all from the pinned package, nothing from a CDN),
 * its page, a start-up script and its configuration. With the setting off nothing is written, and the
 * pruning step (prune-output.ts) has removed what an earlier build wrote.
 */
export function cmsAdmin(options: CmsAdminOptions): AstroIntegration {
  let base = '/';
  let contentFolder = '';
  return {
    name: 'dateline-cms-admin',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // Worked out before any page is built, so a folder the editor cannot name stops the build at once.
        const { cms } = options;
        if (cms) contentFolder = cms.folder ?? editorFolder(options.root, options.contentDir, cms.backend.name);
      },
      'astro:build:done': ({ dir, logger }) => {
        const { cms } = options;
        if (!cms) return;
        const out = path.join(fileURLToPath(dir), ADMIN_FOLDER);
        const assets = path.join(PACKAGE, 'npm', 'assets');
        const fonts = editorFonts(readdirSync(assets));
        const files: [from: string, to: string][] = [
          [path.join(PACKAGE, 'dist', 'sveltia-cms.js'), 'sveltia-cms.js'],
          // The bundle loads it from beside itself (then from a CDN, which the policy refuses).
          [path.join(PACKAGE, 'dist', 'chunks', 'react-dom.js'), 'chunks/react-dom.js'],
          [path.join(PACKAGE, 'LICENSE.txt'), 'LICENSE.txt'],
          ...fonts.map(({ file }): [string, string] => [path.join(assets, file), `fonts/${file}`]),
          ...readdirSync(assets)
            .filter((name) => name.endsWith('.LICENSE.txt'))
            .sort()
            .map((name): [string, string] => [path.join(assets, name), `fonts/${name}`]),
        ];
        for (const [from, to] of files) {
          mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
          copyFileSync(from, path.join(out, to));
        }
        const config = cmsConfig({
          cms,
          publisher: options.publisher,
          sections: options.sections,
          timeZone: options.timeZone,
          siteAddress: new URL(base, options.siteOrigin).href,
          contentFolder,
        });
        const written: [string, string][] = [
          [
            'config.yml',
            `# Written by the build from src/site.config.ts and the article schema (src/lib/cms/config.ts).\n${stringify(config, { lineWidth: 0 })}`,
          ],
          ['fonts.js', fontsScript(fonts)],
          ['index.html', adminPage({ base, folder: ADMIN_FOLDER, backend: cms.backend, title: `${options.publisher} editor` })],
        ];
        for (const [name, text] of written) writeFileSync(path.join(out, name), text);
        const bytes = [...files.map(([, to]) => to), ...written.map(([name]) => name)].reduce(
          (sum, file) => sum + statSync(path.join(out, file)).size,
          0,
        );
        const version = (JSON.parse(readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
        logger.info(
          `editor: ${joinBase(base, `${ADMIN_FOLDER}/`)} (Sveltia CMS ${version}, ${cms.backend.name}), ${files.length + written.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB`,
        );
      },
    },
  };
}

/** The folder the editor writes to: the content folder's path in the repository; any for the browser-only test backend. */
function editorFolder(root: string, contentDir: string, backend: string): string {
  const relative = path.relative(root, contentDir);
  if (backend === 'test-repo' && (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))) return 'content';
  return repositoryFolder(root, contentDir);
}

/** The content folder's path in the repository, when the repository is this project. */
export function repositoryFolder(root: string, contentDir: string): string {
  const relative = path.relative(root, contentDir);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    throw new Error(
      `cms: the content folder ${contentDir} is not inside the project, so its path in the repository is unknown; set cms.folder (e.g. folder: 'content')`,
    );
  return relative.split(path.sep).join('/');
}
