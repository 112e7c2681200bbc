// The body's own problems (pictures, links out of the folder, removed embeds, template tags, nesting too deep), found
// whichever way it is read.
import type { Problem } from '../problems.ts';
import type { ArticleSource, BodyReader, ParseOptions } from './read-types.ts';
import { describeReference, IMAGE_EXTENSIONS, isSupportedImage, leavesContentFolder, missingImageProblem } from './local-references.ts';
import type { RenderedBody } from './render.ts';
import { templateTagHint } from './template-tags.ts';

/**
 * Runs a step of the Markdown pipeline on one file. Its parsers recurse once per level of nesting, so a
 * body nested a few thousand levels deep (`>>>>…`, `- - - …`, `<div>` × 5,000) overflows the stack: that
 * is this file's problem, reported with the others, never a crash that hides the rest of the report. Any
 * other exception is a bug in Dateline: it is rethrown with the file named, so the file can be found.
 */
export function withinDepth<T>(step: () => T, file: string): { value: T } | { problem: Problem } {
  try {
    return { value: step() };
  } catch (thrown) {
    if (thrown instanceof RangeError && /call stack/i.test(thrown.message)) {
      return {
        problem: {
          severity: 'error',
          file,
          message: 'the body nests quotes, lists or HTML elements too deeply to be published (thousands of levels)',
          hint: 'flatten the nesting: readers follow a few levels at most; check for a run of > or - characters, or unclosed HTML tags',
        },
      };
    }
    throw new Error(`${file}: ${thrown instanceof Error ? thrown.message : String(thrown)}`, { cause: thrown });
  }
}

/**
 * Reads the body and finds its own problems (pictures, links out of the folder, removed embeds), whether
 * or not the frontmatter had errors, so one run reports every problem of a file. No `body` when it could
 * not be read at all (nested too deeply: its one problem says so).
 */
export function readBodyOf<Body>(
  reader: BodyReader<Body>,
  writtenBody: Body,
  source: ArticleSource,
  options: Pick<ParseOptions, 'embedHosts'> & { liveTimeZone?: string | undefined },
): { body?: RenderedBody; problems: Problem[] } {
  const { file } = source;
  const found: Problem[] = [];
  const error = (message: string, extra: Partial<Problem> = {}) => found.push({ severity: 'error', file, message, ...extra });
  const rendered = withinDepth(
    () => reader.read(writtenBody, { relPath: source.relPath, embedHosts: options.embedHosts ?? [], liveTimeZone: options.liveTimeZone }),
    file,
  );
  if ('problem' in rendered) return { problems: [rendered.problem] };
  const body = rendered.value;
  if (body.imagesWithoutAlt > 0) {
    found.push({
      severity: 'warning',
      file,
      message: `${body.imagesWithoutAlt} image${body.imagesWithoutAlt === 1 ? ' has' : 's have'} no alt text; readers of screen readers get nothing`,
      hint: 'describe each image: ![what it shows](photo.jpg) or <img alt="what it shows">',
    });
  }
  // Pictures beside the article are published, optimised, when pages are rendered: each file must exist
  // and be an image `astro:assets` reads. (Site-root paths, `/images/x.jpg`, come from public/ as written.)
  for (const use of body.imageUses) {
    if (leavesContentFolder(source.relPath, use.path)) {
      error(`${describeReference(use, true)}: the picture is outside the content folder; only pictures inside it are published`, {
        line: use.line,
        hint: 'copy the picture beside the Markdown file and write ![what it shows](./photo.jpg)',
      });
    } else if (!isSupportedImage(use.path)) {
      error(`${describeReference(use, true)}: not an image file Dateline can publish`, {
        line: use.line,
        hint: `use a picture in one of these formats: ${IMAGE_EXTENSIONS.join(', ')}`,
      });
    } else if (source.fileExists && !source.fileExists(use.path)) {
      found.push(missingImageProblem(file, use));
    }
  }
  // Links to other articles' files are checked across files (the target may be in any file); one that
  // climbs out of the content folder can never name an article.
  for (const link of body.linksOutside) {
    error(`${describeReference(link)}: the link leads outside the content folder, where no article can be`, {
      line: link.line,
      hint: 'link to an article file inside the content folder, e.g. ../politics/budget-vote.md',
    });
  }
  // A frame from a host the newsroom has not listed is removed, not published: say so, so nothing vanishes unsaid.
  for (const embed of body.removedEmbeds) {
    const listed = options.embedHosts?.length ? options.embedHosts.join(', ') : 'no host';
    found.push({
      severity: 'warning',
      file,
      line: embed.line,
      message: `an <iframe> ${embed.src ? `from ${embed.src.length > 80 ? `${embed.src.slice(0, 79)}…` : embed.src} ` : ''}was removed: embeds are kept only over https from ${listed}`,
      hint: 'link to the page instead, or add its host to embedHosts in src/site.config.ts if the newsroom trusts it',
    });
  }
  // Brought from Hugo or Jekyll, a shortcode or Liquid tag would reach readers as written: say what to write instead.
  for (const tag of body.templateTags) {
    found.push({
      severity: 'warning',
      file,
      line: tag.line,
      message:
        tag.kind === 'hugo'
          ? `the Hugo shortcode ${tag.written} is published as written: Dateline runs no shortcodes`
          : `the Liquid tag ${tag.written} is published as written: Dateline runs no templates`,
      hint: templateTagHint(tag),
      group: { label: 'files with Hugo shortcodes or Liquid tags, published as written', subject: file },
    });
  }
  return { body, problems: found };
}
