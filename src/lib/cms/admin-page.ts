import { joinBase } from '../urls.ts';
import { adminContentSecurityPolicy } from './policy.ts';
import type { CmsBackend } from './settings.ts';

/**
 * The editor's page and its start-up script, as text. The page runs no inline script, so its policy needs
 * only `script-src 'self'`; it carries the policy in a `<meta>` too, for hosts that send no headers (GitHub Pages).
 */

/** A font the editor uses, shipped in the Sveltia package (its file name carries a content hash). */
export interface EditorFont {
  family: string;
  file: string;
  format: 'woff2' | 'woff2-variations';
  weight: string;
  display: 'swap' | 'block';
  sizeAdjust?: string;
}

/** The families Sveltia styles itself with, the descriptors its own npm build registers them with, and their file names' start. */
const FAMILIES: readonly (Omit<EditorFont, 'file'> & { prefix: string })[] = [
  { family: 'Source Sans 3', prefix: 'source-sans-3-', format: 'woff2-variations', weight: '200 900', display: 'swap', sizeAdjust: '110%' },
  { family: 'Noto Mono', prefix: 'noto-mono-', format: 'woff2', weight: '400', display: 'swap' },
  {
    family: 'Material Symbols Outlined',
    prefix: 'material-symbols-outlined-',
    format: 'woff2-variations',
    weight: '400',
    display: 'block',
  },
];

/** The editor's fonts among the package's font files; an error naming a family none of them is (a new Sveltia version). */
export function editorFonts(files: readonly string[]): EditorFont[] {
  return FAMILIES.map(({ prefix, ...font }) => {
    const file = files.filter((name) => name.startsWith(prefix) && name.endsWith('.woff2')).sort()[0];
    if (!file)
      throw new Error(
        `the Sveltia CMS package has no ${font.family} font (${prefix}*.woff2 in npm/assets/): without it the editor would load it from a CDN; check src/lib/cms/admin-page.ts against the new version`,
      );
    return { ...font, file };
  });
}

/** The editor's page at `<base>admin/`. */
export function adminPage(options: { base: string; folder: string; backend: CmsBackend; title: string }): string {
  const at = (file: string) => joinBase(options.base, `${options.folder}/${file}`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8">',
    `    <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(adminContentSecurityPolicy('meta', options.backend))}">`,
    '    <meta name="viewport" content="width=device-width, initial-scale=1">',
    '    <meta name="robots" content="noindex">',
    `    <title>${escapeText(options.title)}</title>`,
    `    <link rel="cms-config-url" href="${at('config.yml')}" type="application/yaml">`,
    `    <script src="${at('fonts.js')}"></script>`,
    '  </head>',
    '  <body>',
    // A classic script: Sveltia starts itself from document.currentScript, which a module has not.
    `    <script src="${at('sveltia-cms.js')}"></script>`,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}

/** The script run before the editor: its fonts from this folder, and its interface in English. */
export function fontsScript(fonts: readonly EditorFont[]): string {
  const faces = fonts.map(({ family, file, format, ...descriptors }) => [family, file, format, { style: 'normal', ...descriptors }]);
  return [
    '// Written by the build (src/lib/cms/admin-page.ts). The editor would load its fonts from a CDN, which its',
    '// policy refuses: the same files, from the package, are registered from this folder and win over those.',
    '(() => {',
    "  const folder = new URL('fonts/', document.currentScript.src);",
    `  for (const [family, file, format, descriptors] of ${JSON.stringify(faces)})`,
    '    document.fonts.add(new FontFace(family, `url("${new URL(file, folder)}") format("${format}")`, descriptors));',
    '  // Other interface languages come from a CDN, and when that is refused the editor retries without end:',
    '  // English, unless the user picked a language in its settings.',
    '  try {',
    "    const prefs = JSON.parse(localStorage.getItem('sveltia-cms.prefs') || '{}') ?? {};",
    "    if (!prefs.locale) localStorage.setItem('sveltia-cms.prefs', JSON.stringify({ ...prefs, locale: 'en-US' }));",
    '  } catch {',
    '    // No storage (a private window): the browser language is used.',
    '  }',
    '})();',
    '',
  ].join('\n');
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
