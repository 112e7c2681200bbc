// `npm run new -- "Headline" --section Politics --tags "North Korea, Russia"`: writes a new article with
// complete frontmatter (date = now, in the newsroom's time zone; optional fields commented out; a slug of
// the headline's first six words) into the content
// folder (or CONTENT_DIR), refuses to overwrite a file, and prints the path and the URL it will have.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildTime } from '../src/build/clock.ts';
import { PLACEHOLDER_BODY } from '../src/lib/article/placeholder.ts';
import { nearest } from '../src/lib/article/suggest.ts';
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

/** Words a slug does not end on: a URL cut after six words should not end "…-for-the". */
const TRAILING = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

/** The first six words of a slug, without a dangling small word: a URL a reader can take in at a glance. */
function shortSlug(slug: string): string {
  const words = slug.split('-').slice(0, 6);
  while (words.length > 1 && TRAILING.has(words.at(-1)!)) words.pop();
  return words.join('-');
}

/** ": did you mean "World"?" for a misspelt section, else nothing. */
function suggestion(section: string): string {
  const near = nearest(section, site.sections);
  return near ? `: did you mean "${near}"?` : '';
}

const title = positionals.join(' ').trim() || fail('Give the headline in quotes.');
const section = values.section?.trim() || fail(`Give a section with --section (${site.sections.join(', ')}).`);
const sectionName =
  site.sections.find((name) => toSlug(name) === toSlug(section)) ??
  fail(
    `"${section}" is not one of the site's sections (${site.sections.join(', ')})${suggestion(section)}; a new section is one line in sections in src/site.config.ts.`,
  );
const slug = shortSlug(toArticleSlug(title)) || fail('The headline has no letters or digits to make a file name from.');
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
// Every field the writer may need, the optional ones commented out, so nothing has to be looked up.
const frontmatter = [
  `title: ${quote(title)}`,
  // The newsroom's wall-clock time without offset: read back in the site's zone, whatever the machine's.
  `date: ${toZonedIso(now.toISOString(), site.timeZone).slice(0, 19)}`,
  '# description: "The standfirst: one or two sentences under the headline."',
  `tags: [${tags.map(quote).join(', ')}]`,
  values.author ? `authors: [${quote(values.author)}]` : '# authors: ["Ana Lima"]',
  '# image: ./photo.jpg',
  '# imageAlt: "What the picture shows, for readers who cannot see it."',
  '# imageCaption: "What the picture is about."',
  '# imageCredit: "Photo: Agency"',
  '# type: news  # or analysis, opinion, live',
  `# featured: true  # leads the front page for ${site.frontPage.featuredHours} hours, or until a date-time: featured: 2024-10-27T18:00:00`,
  '# priority: 5  # among featured stories, the highest leads (0 to 9)',
  '# expires: 2025-12-31T23:59:00  # the first build after it takes the story down',
  '# coverageEnd: 2025-12-31T23:59:00  # type: live only: when the live coverage ended (each update is a heading: ## 2025-12-31 18:30 Headline)',
  '# formerUrls: [/2019/10/25/old-address.html]  # old addresses of the story, each redirected here',
  'draft: true',
];
mkdirSync(folder, { recursive: true });
writeFileSync(file, `---\n${frontmatter.join('\n')}\n---\n\n${PLACEHOLDER_BODY}\n`, { flag: 'wx' });
console.log(`wrote ${path.relative(root, file)} (a draft: add a description, write the story, then set draft: false)`);
console.log(`it will be published at ${absoluteUrl(site.siteUrl, site.basePath, articlePath(toSlug(sectionName), slug))}`);
