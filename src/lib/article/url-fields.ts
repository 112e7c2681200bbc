import { isSlugTooLong, slugFromFileName, spellingKey, toArticleSlug, toSlug } from '../slug.ts';
import { RESERVED_SECTION_SLUGS } from '../urls.ts';
import { LENGTH_LIMIT, shorten, textOf, type FieldContext } from './field-context.ts';
import { NAME_KINDS } from './name-collisions.ts';
import { FIELD_HELP } from './schema.ts';
import { configuredSection, folderSection, unknownSection } from './section.ts';

/**
 * The fields that become URLs: the section, the article's slug, its tags and authors. Each must make a URL
 * segment of its own: not empty, not too long, not one the site uses, not another name's.
 */

/** The file's section, as configured, and its URL segment; problems go to the context. */
export function checkSection(
  context: FieldContext,
  folder: string | undefined,
  sections: readonly string[],
): { section: string | undefined; sectionSlug: string } {
  const { error, lineOf, refused, writtenAs } = context;
  const writtenSection = textOf(context, 'section');
  // A configured section keeps its configured spelling however the file writes it (`categories: culture`).
  const section = writtenSection
    ? (configuredSection(writtenSection, sections) ?? writtenSection)
    : folder && folderSection(folder, sections);
  if (!section && !refused.has('section')) {
    error('is missing', { line: lineOf('section'), field: 'section', hint: `expected ${FIELD_HELP.section}` });
  }
  const sectionSlug = section ? toSlug(section) : '';
  const at = { line: lineOf('section'), field: 'section' };
  if (section && !sectionSlug) {
    error(`"${section}" has no letters or digits to make a URL from`, { ...at, hint: 'use a word, e.g. section: World' });
  } else if (section && isSlugTooLong(sectionSlug)) {
    error(`"${shorten(section)}" is too long to make a URL from`, { ...at, hint: `shorten it to a few words: ${LENGTH_LIMIT}` });
  } else if (RESERVED_SECTION_SLUGS.has(sectionSlug)) {
    error(`"${section}" is a name the site uses for its own pages`, { ...at, hint: 'choose another section name' });
  } else if (section) {
    const unknown = unknownSection(writtenSection, folder, sections);
    if (unknown) {
      const field = writtenSection ? (writtenAs.get('section') ?? 'section') : 'section';
      error(unknown.message, { line: writtenSection ? lineOf('section') : 1, field, hint: unknown.hint });
    }
  }
  return { section: section || undefined, sectionSlug };
}

/** The article's URL slug: `slug:` when written, else from the file name; problems go to the context. */
export function checkSlug(context: FieldContext, relPath: string): string {
  const { error, warn, lineOf, refused } = context;
  const slugField = textOf(context, 'slug');
  const slug = slugField !== undefined ? toArticleSlug(slugField) : slugFromFileName(relPath);
  const at = { field: slugField !== undefined ? 'slug' : undefined, line: slugField !== undefined ? lineOf('slug') : 1 };
  if (!slug && !refused.has('slug')) {
    error(
      slugField !== undefined ? `"${slugField}" has no letters or digits to make a URL from` : 'no URL slug can be made from the file name',
      {
        ...at,
        hint: 'rename the file with plain letters or digits, or set slug: my-article',
      },
    );
  } else if (isSlugTooLong(slug)) {
    error(`"${shorten(slug)}" is too long for a URL`, {
      ...at,
      hint: `${slugField !== undefined ? 'shorten slug: to a few words of the headline' : 'shorten the file name, or set a shorter slug: my-article'}; ${LENGTH_LIMIT}`,
    });
  } else if (slugField !== undefined && slug !== slugField.toLowerCase().replace(/\s+/g, '-')) {
    // Characters a URL segment cannot hold are dropped (`../../etc` → `etc`): say so, the URL is not the one written.
    warn(`"${slugField}" is published as "${slug}"`, {
      line: lineOf('slug'),
      field: 'slug',
      hint: `write slug: ${slug} (a slug holds lower-case letters, digits and hyphens only)`,
    });
  }
  return slug;
}

/**
 * The names of a tag or author list that get a page each: one per slug, as first written. A name that
 * makes no URL is an error, and so are two names of the list that make one URL but are not one name
 * written two ways (`[C++, C#]`; across files, collection-checks.ts finds the same).
 */
export function pageNames(context: FieldContext, field: 'tags' | 'authors', value: unknown, example: string): string[] {
  const { error, lineOf } = context;
  const kind = NAME_KINDS[field];
  const kept = new Map<string, string>();
  for (const name of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) {
    if (typeof name !== 'string') continue;
    const nameSlug = toSlug(name);
    const first = kept.get(nameSlug);
    const at = { line: lineOf(field), field };
    if (!nameSlug) {
      error(`${kind.noun} "${name}" has no letters or digits to make a URL from`, {
        ...at,
        hint: `write the ${kind.noun} in words, e.g. ${example}`,
      });
    } else if (isSlugTooLong(nameSlug)) {
      error(`${kind.noun} "${shorten(name)}" is too long to make a URL from`, {
        ...at,
        hint: `shorten it to a few words: ${LENGTH_LIMIT}`,
      });
    } else if (first === undefined) {
      kept.set(nameSlug, name.trim());
    } else if (spellingKey(first) !== spellingKey(name)) {
      error(`"${first}" and "${name.trim()}" would have the same URL, ${kind.path(nameSlug)}`, { ...at, hint: kind.hint });
    }
  }
  return [...kept.values()];
}
