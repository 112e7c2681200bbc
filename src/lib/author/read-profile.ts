// Reading one author profile file (`content/authors/ana-lima.md`): the frontmatter says who, the body is the bio.
import type { Problem } from '../problems.ts';
import { isSlugTooLong, toSlug } from '../slug.ts';
import { decodeSource } from '../article/decode.ts';
import { readBodyOf, withinDepth } from '../article/body-problems.ts';
import { checkFields, unknownFields } from '../article/field-check.ts';
import { describeReference, isSupportedImage, IMAGE_EXTENSIONS, leavesContentFolder, localImagePath } from '../article/local-references.ts';
import type { ArticleSource, BodyReader } from '../article/read-types.ts';
import { readToml } from '../article/toml.ts';
import { readYaml } from '../article/yaml.ts';
import { LENGTH_LIMIT } from '../article/field-context.ts';
import { profileLink, type ProfileLink } from './profile-links.ts';
import { PROFILE_FIELDS, PROFILE_HELP, profileSchema } from './profile-schema.ts';

/** One author profile, validated, with its bio rendered and sanitised like an article's body. */
export interface ParsedProfile {
  /** The author page's slug: the name's, as for every byline (`Ana Lima` → `ana-lima`). */
  slug: string;
  file: string;
  name: string;
  role?: string;
  /** The portrait beside the profile, as written; the content layer turns `src` into an optimised asset. */
  photo?: { src: string; alt: string; line: number };
  links: ProfileLink[];
  /** Sanitised bio HTML (empty when the file has no body). */
  bioHtml: string;
  /** The bio's first paragraph as plain text: the author page's description. */
  bioExcerpt: string;
}

/**
 * Reads one profile file. Pure: the same bytes give the same result. Reports every problem of the file with
 * its line and field, the way an article's are reported.
 */
export function readProfile<Body>(source: ArticleSource, reader: BodyReader<Body>): { profile?: ParsedProfile; problems: Problem[] } {
  const { file } = source;
  const decoded = decodeSource(source.bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const split = withinDepth(() => reader.split(decoded.text), file);
  if ('problem' in split) return { problems: [split.problem] };
  if (!split.value) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: 1,
          message: 'has no frontmatter: a profile starts with its fields between --- lines',
          hint: 'begin the file with ---, then name: Ana Lima and role: Political correspondent on lines of their own, then ---, then the bio',
        },
      ],
    };
  }
  const { frontmatter, body: writtenBody } = split.value;
  const read = (frontmatter.language === 'toml' ? readToml : readYaml)(frontmatter.value, frontmatter.line + 1, file);
  if (!read.frontmatter) return { problems: read.problems };
  const { data, keyLines } = read.frontmatter;
  const lineOf = (field: string) => keyLines.get(field) ?? frontmatter.line;
  const problems: Problem[] = [...unknownFields(data, lineOf, file, PROFILE_FIELDS)];
  // `links[2]` is on the line of `links`.
  const error = (field: string, message: string, hint: string) =>
    problems.push({ severity: 'error', file, line: lineOf(field.replace(/\[\d+\]$/, '')), field, message, hint });
  const { parsed, refused, problems: fieldProblems } = checkFields(profileSchema, data, new Map(), lineOf, file, PROFILE_HELP);
  problems.push(...fieldProblems);
  // Each field's own checks run on what it holds, whatever the other fields hold: one run reports everything.
  const usable = (field: string) => (refused.has(field) ? undefined : data[field]);

  const name = typeof usable('name') === 'string' ? (usable('name') as string).trim() : undefined;
  const slug = name === undefined ? '' : toSlug(name);
  if (name !== undefined && !slug)
    error('name', `"${name}" has no letters or digits to make an author page's address from`, `expected ${PROFILE_HELP.name}`);
  else if (isSlugTooLong(slug)) error('name', 'is too long to make an address from', `shorten it: ${LENGTH_LIMIT}`);

  const links: ProfileLink[] = [];
  const writtenLinks = usable('links');
  (Array.isArray(writtenLinks) ? (writtenLinks as string[]) : []).forEach((written, i) => {
    const link = profileLink(written);
    if (link) links.push(link);
    else error(`links[${i + 1}]`, `"${written}" is not a full web (https:, http:) or mailto: address`, `expected ${PROFILE_HELP.links}`);
  });
  const photo = usable('photo');
  const photoSrc = typeof photo === 'string' ? photo.trim() : undefined;
  if (photoSrc !== undefined) checkPhoto(photoSrc, source, (message, hint) => error('photo', message, hint));

  const { body, problems: bodyProblems } = readBodyOf(reader, writtenBody, source, {});
  problems.push(...bodyProblems);
  // A bio is shown on the author page as it is: links to article files and pictures in it are not resolved.
  for (const link of body?.articleLinks ?? [])
    problems.push({
      severity: 'error',
      file,
      line: link.line,
      message: `${describeReference(link)}: a bio links to pages by their address, not to article files`,
      hint: "link to the story's address instead, e.g. /world/long-road-home/",
    });
  for (const use of body?.imageUses ?? [])
    problems.push({
      severity: 'error',
      file,
      line: use.line,
      message: `${describeReference(use, true)}: a bio holds no pictures`,
      hint: 'give the portrait as photo: ./portrait.jpg in the frontmatter',
    });

  if (!parsed.success || !body || problems.some((p) => p.severity === 'error')) return { problems };
  const { role, photoAlt } = parsed.data;
  const profile: ParsedProfile = {
    slug,
    file,
    name: parsed.data.name,
    ...(role !== undefined && { role }),
    ...(photoSrc !== undefined && { photo: { src: photoSrc, alt: photoAlt ?? parsed.data.name, line: lineOf('photo') } }),
    links,
    bioHtml: body.html,
    bioExcerpt: body.excerpt,
  };
  return { profile, problems };
}

/** The portrait: a picture file beside the profile, inside the content folder. */
function checkPhoto(src: string, source: ArticleSource, error: (message: string, hint: string) => void): void {
  const beside = 'put the portrait beside the profile and write photo: ./ana-lima.jpg (pictures are never loaded from other sites)';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\'))
    error(`"${src}" is not a file next to the profile`, beside);
  else if (leavesContentFolder(source.relPath, localImagePath(src) ?? src))
    error(`"${src}" is outside the content folder: only pictures inside it are published`, beside);
  else if (!isSupportedImage(src)) error(`"${src}" is not a picture Dateline can publish`, `use one of ${IMAGE_EXTENSIONS.join(', ')}`);
  else if (source.fileExists && !source.fileExists(src))
    error(`"${src}" does not exist next to the profile`, 'check the file name, or copy the portrait beside the profile');
}
