// Reading one article file, the steps in order: decode, split, frontmatter fields, body, assembly.
import type { Problem } from '../problems.ts';
import type { ArticleSource, BodyReader, ParseOptions, ParseResult } from './read-types.ts';
import { readBodyOf, withinDepth } from './body-problems.ts';
import { failedWith, failedWithPictures, noFrontmatterProblem, overlongBlockProblem } from './failed-file.ts';
import { splitFrontmatter } from './frontmatter-split.ts';
import { decodeSource } from './decode.ts';
import { checkReadiness } from './placeholder.ts';
import { mapForeignFields } from './foreign-fields.ts';
import { createFrontmatterSchema, type FrontmatterSchema } from './schema.ts';
import type { FieldContext } from './field-context.ts';
import { checkHeroImage } from './hero-image-field.ts';
import { checkSection, checkSlug, pageNames } from './url-fields.ts';
import { checkFields, unknownFields } from './field-check.ts';
import { readToml } from './toml.ts';
import { readYaml } from './yaml.ts';
import { toArticle } from './to-article.ts';
import { checkFormerUrls } from './former-urls.ts';
import { checkLiveUpdates } from './live-checks.ts';

const schemas = new Map<string, FrontmatterSchema>();
function schemaFor(timeZone: string): FrontmatterSchema {
  let schema = schemas.get(timeZone);
  if (!schema) schemas.set(timeZone, (schema = createFrontmatterSchema(timeZone)));
  return schema;
}

/**
 * Reads one article file: decodes it, reads and validates its frontmatter, reads its body with `reader`.
 * Pure: the same bytes and options give the same result. Reports every problem it finds in the file.
 */
export function readArticle<Body>(source: ArticleSource, options: ParseOptions, reader: BodyReader<Body>): ParseResult {
  const { file } = source;
  const decoded = decodeSource(source.bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };

  const problems: Problem[] = [];
  const error = (message: string, extra: Partial<Problem> = {}) => problems.push({ severity: 'error', file, message, ...extra });

  // Before anything parses the body (the build's reader parses it with the frontmatter): a block thousands of
  // lines long would take the Markdown parser minutes.
  const quickSplit = splitFrontmatter(decoded.text);
  const long = quickSplit && overlongBlockProblem(quickSplit, file);
  if (long) return { problems: [long] };

  const split = withinDepth(() => reader.split(decoded.text), file);
  if ('problem' in split) return { problems: [split.problem] };
  if (!split.value) return { problems: [noFrontmatterProblem(decoded.text, file)] };

  const { frontmatter, body: writtenBody } = split.value;
  const firstFieldLine = frontmatter.line + 1;
  const read = (frontmatter.language === 'toml' ? readToml : readYaml)(frontmatter.value, firstFieldLine, file);
  if (!read.frontmatter) {
    const { body, problems: bodyProblems } = readBodyOf(reader, writtenBody, source, options);
    return failedWith([...read.problems, ...bodyProblems], body);
  }
  const fileName = source.relPath.split('/').pop()!;
  const folder = source.relPath.includes('/') ? source.relPath.split('/')[0]! : undefined;
  const {
    data,
    keyLines,
    writtenAs,
    problems: mappingProblems,
  } = mapForeignFields(read.frontmatter.data, read.frontmatter.keyLines, fileName, file, { configured: options.sections, folder });
  problems.push(...mappingProblems);
  const lineOf = (field: string) => keyLines.get(field) ?? frontmatter.line;

  problems.push(...unknownFields(data, lineOf, file));
  const { parsed, refused, problems: fieldProblems } = checkFields(schemaFor(options.timeZone), data, writtenAs, lineOf, file);
  problems.push(...fieldProblems);
  const context: FieldContext = {
    file,
    data,
    refused,
    lineOf,
    writtenAs,
    error,
    warn: (message, extra = {}) => problems.push({ severity: 'warning', file, message, ...extra }),
  };
  const { section, sectionSlug } = checkSection(context, folder, options.sections);
  const slug = checkSlug(context, source.relPath);
  const formerUrls = checkFormerUrls(context, sectionSlug, slug);
  const tags = pageNames(context, 'tags', refused.has('tags') ? [] : data['tags'], 'Climate');
  if (!refused.has('authors')) pageNames(context, 'authors', data['authors'], 'authors: [Ana Lima]');
  const imageSrc = checkHeroImage(context, source.relPath, source.fileExists);

  const live = data['type'] === 'live';
  const { body, problems: bodyProblems } = readBodyOf(reader, writtenBody, source, {
    ...options,
    liveTimeZone: live ? options.timeZone : undefined,
  });
  problems.push(...bodyProblems);
  const liveUpdates = checkLiveUpdates(context, body?.liveUpdates ?? [], parsed.success ? parsed.data : undefined, body?.liveMisses);
  // Published means a story (a draft may be anything).
  if (parsed.success && !parsed.data.draft) checkReadiness(context, quickSplit, body?.wordCount, options);
  if (!parsed.success || !body || problems.some((p) => p.severity === 'error')) {
    const hero = imageSrc === undefined ? undefined : { src: imageSrc, line: lineOf('image') };
    return failedWithPictures(problems, body, source, hero, formerUrls);
  }
  const article = toArticle(parsed.data, { slug, file, section: section!, sectionSlug, tags, formerUrls, liveUpdates }, body);
  return { article, problems, imageUses: body.imageUses, ...(imageSrc !== undefined && { imageLine: lineOf('image') }) };
}
