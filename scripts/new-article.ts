// `npm run new -- "Headline" --section Politics --tags "North Korea, Russia"`: writes a new article with
// complete frontmatter (date = now, in the newsroom's time zone; slug from the headline) into the content
// folder (or CONTENT_DIR), refuses to overwrite a file, and prints the path and the URL it will have.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTime } from '../src/clock.ts';
import { toZonedIso } from '../src/lib/dates.ts';
import { toArticleSlug, toSlug } from '../src/lib/slug.ts';
import { absoluteUrl, articlePath } from '../src/lib/urls.ts';
import { site } from '../src/site.config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { section: { type: 'string' }, tags: { type: 'string', default: '' }, author: { type: 'string' } },
});
const fail = (message: string): never => {
  console.error(`${message}\nusage: npm run new -- "Headline" --section Politics --tags "North Korea, Russia" [--author "Ana Lima"]`);
  process.exit(1);
};

const title = positionals.join(' ').trim() || fail('Give the headline in quotes.');
const section = values.section?.trim() || fail(`Give a section with --section (${site.sections.join(', ')}).`);
const sectionName = site.sections.find((name) => toSlug(name) === toSlug(section)) ?? section;
const slug = toArticleSlug(title) || fail('The headline has no letters or digits to make a file name from.');
const tags = values.tags
  .split(',')
  .map((tag) => tag.trim())
  .filter(Boolean);
const now = buildTime();

const root = path.resolve(import.meta.dirname, '..');
const folder = path.join(path.resolve(root, process.env.CONTENT_DIR || 'content'), toSlug(sectionName));
const file = path.join(folder, `${slug}.md`);
if (existsSync(file)) fail(`${path.relative(root, file)} already exists; nothing was written. Choose another headline or edit that file.`);

const quote = (text: string) => JSON.stringify(text);
const frontmatter = [
  `title: ${quote(title)}`,
  // The newsroom's wall-clock time without offset: read back in the site's zone, whatever the machine's.
  `date: ${toZonedIso(now.toISOString(), site.timeZone).slice(0, 19)}`,
  `tags: [${tags.map(quote).join(', ')}]`,
  ...(values.author ? [`authors: [${quote(values.author)}]`] : []),
  'draft: true',
];
mkdirSync(folder, { recursive: true });
writeFileSync(file, `---\n${frontmatter.join('\n')}\n---\n\nWrite the story here.\n`, { flag: 'wx' });
console.log(`wrote ${path.relative(root, file)} (a draft: add a description, write the story, then set draft: false)`);
console.log(`it will be published at ${absoluteUrl(site.siteUrl, site.basePath, articlePath(toSlug(sectionName), slug))}`);
