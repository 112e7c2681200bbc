import { textOf, type FieldContext } from './field-context.ts';

/** The body `npm run new` writes: an article still holding it is never published (read.ts). */
export const PLACEHOLDER_BODY = 'Write the story here.';

/**
 * Bodies that are a newsroom's way of saying "not written yet": the whole body, once punctuation and case are
 * set aside ("TK", "More to come…", "[Copy to come]"). Short, so a real story is never taken for one.
 */
const PLACEHOLDER_BODIES = new Set([
  'tk',
  'tktk',
  'tbc',
  'tbd',
  'tba',
  'xxx',
  'to come',
  'more to come',
  'copy to come',
  'story to come',
  'text to come',
  'placeholder',
]);

/** Room for the longest placeholder with markup around it (`**[Copy to come…]**`). */
const LONGEST_PLACEHOLDER = 40;

/** Filler text, anywhere in a body, is never meant for readers. */
const FILLER = /\blorem ipsum\b/i;

/** Why a body is no story yet, with its line; undefined for a body with words of its own. */
export interface Unwritten {
  message: string;
  line: number;
}

/**
 * Why a body is no story yet, with the line to show: empty, still the scaffold's placeholder, a newsroom
 * placeholder, or filler text. `bodyLine` is the file line the body starts on.
 */
export function placeholderProblem(body: string, bodyLine: number): Unwritten | undefined {
  if (!body.trim()) return { message: 'the body is empty', line: bodyLine };
  const lineOf = (at: number) => bodyLine + (body.slice(0, at).match(/\n/g)?.length ?? 0);
  const at = body.indexOf(PLACEHOLDER_BODY);
  if (at !== -1) return { message: `the body still holds the placeholder "${PLACEHOLDER_BODY}"`, line: lineOf(at) };
  // Placeholders are a few words: only a short body can be one (a long one is not lower-cased for nothing).
  const written = body.trim();
  const words =
    written.length <= LONGEST_PLACEHOLDER
      ? written
          .toLowerCase()
          .replace(/[^\p{L}\p{N}]+/gu, ' ')
          .trim()
      : '';
  if (PLACEHOLDER_BODIES.has(words)) return { message: `the body is only the placeholder "${written}"`, line: lineOf(body.search(/\S/)) };
  const filler = FILLER.exec(body);
  if (filler) return { message: 'the body holds filler text ("lorem ipsum")', line: lineOf(filler.index) };
  return undefined;
}

/** The file line of the body's first text, for problems about the body as a whole. */
export function firstTextLine(body: string, bodyLine: number): number {
  const at = body.search(/\S/);
  return bodyLine + (at === -1 ? 0 : (body.slice(0, at).match(/\n/g)?.length ?? 0));
}

/** What a published article must have beyond its fields' own rules; a draft may lack any of it. */
export interface ReadinessRules {
  /** Fewer words than this is a stub, not a story (0: any body with words). */
  minBodyWords: number;
  /** A standfirst (`description`) is required. */
  requireStandfirst: boolean;
}

/** A body of fewer words than the newsroom publishes, as a message; undefined when long enough. */
export function shortBodyProblem(words: number, minBodyWords: number): string | undefined {
  if (words >= minBodyWords) return undefined;
  return `the body has ${words === 1 ? 'one word' : `${words} words`}: too short to publish (at least ${minBodyWords})`;
}

const UNTIL_WRITTEN = 'or keep draft: true until it is written';

/**
 * What a published article must have beyond its fields' own rules: a body with words of its own (not a
 * placeholder, not a stub) and a standfirst where the newsroom requires one. Problems go to the context.
 * `split` is the file's body as split off before parsing; `words` the body's words as the page shows them.
 */
export function checkReadiness(
  context: FieldContext,
  split: { body: string; bodyLine: number } | undefined,
  words: number | undefined,
  rules: Partial<ReadinessRules>,
): void {
  const { error, lineOf, refused } = context;
  const unwritten = split && placeholderProblem(split.body, split.bodyLine);
  if (unwritten) error(unwritten.message, { line: unwritten.line, hint: `write the story in its place, ${UNTIL_WRITTEN}` });
  const short = !unwritten && words !== undefined && shortBodyProblem(words, rules.minBodyWords ?? 0);
  if (short)
    error(short, {
      line: split && firstTextLine(split.body, split.bodyLine),
      hint: `write the story (minBodyWords in src/site.config.ts), ${UNTIL_WRITTEN}`,
    });
  if (rules.requireStandfirst && !textOf(context, 'description') && !refused.has('description')) {
    error('is missing: a published article needs a standfirst', {
      line: lineOf('description'),
      field: 'description',
      hint: `write one or two sentences under the headline, e.g. description: "…" (requireStandfirst in src/site.config.ts), ${UNTIL_WRITTEN}`,
    });
  }
}
