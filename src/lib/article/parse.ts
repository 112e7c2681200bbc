import type { Root } from 'mdast';
import type { ArticleSource, BodyReader, ParseOptions, ParseResult } from './read-types.ts';
import { readArticle } from './read.ts';
import type { MarkdownParser } from '../site-config.ts';
import { parseMarkdown, renderBody } from './render.ts';

export type { ArticleSource, HeroImage, ParsedArticle, ParseOptions, ParseResult } from './read-types.ts';

/** The build's reading: the whole file through the Markdown and HTML pipeline (render.ts), one per parser. */
const readings = new Map<MarkdownParser, BodyReader<Root>>();
export function rendering(parser: MarkdownParser): BodyReader<Root> {
  let reader = readings.get(parser);
  if (!reader) {
    reader = {
      split(text) {
        const { tree, frontmatter } = parseMarkdown(text, parser);
        return frontmatter && { frontmatter, body: tree };
      },
      read: renderBody,
    };
    readings.set(parser, reader);
  }
  return reader;
}

/**
 * Parses one article file as the build publishes it: decodes it, reads and validates its frontmatter,
 * renders and sanitises its body. Pure: the same bytes and options give the same result. Reports every
 * problem it finds in the file.
 */
export function parseArticle(source: ArticleSource, options: ParseOptions): ParseResult {
  return readArticle(source, options, rendering(options.markdownParser ?? 'selective-gfm'));
}
