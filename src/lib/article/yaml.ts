import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems.ts';

/** Frontmatter as read from YAML, before validation, with the line of each top-level key for messages. */
export interface RawFrontmatter {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: ReadonlyMap<string, number>;
}

/**
 * Alias expansion cap. YAML aliases can multiply a small file into gigabytes (a "billion laughs" bomb);
 * frontmatter never needs more than a handful.
 */
const MAX_ALIAS_COUNT = 50;

/**
 * Reads a YAML frontmatter block. `firstLine` is the file line the YAML text starts on, so every
 * message points at the line in the article file, not in the block. Dates stay strings (YAML 1.2 core
 * schema): the article schema reads them in the newsroom's time zone.
 */
export function readYaml(yamlText: string, firstLine: number, file: string): { frontmatter?: RawFrontmatter; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, schema: 'core' });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    severity: 'error',
    file,
    line: lineOf(error.pos[0]),
    message: `the frontmatter is not valid YAML: ${firstSentence(error.message)}`,
    hint: yamlHint(error.code),
  }));
  if (problems.length > 0) return { problems };

  if (doc.contents !== null && !isMap(doc.contents)) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: firstLine,
          message: 'the frontmatter is not a list of `field: value` lines',
          hint: 'write one field per line, e.g. title: "Headline"',
        },
      ],
    };
  }

  const keyLines = new Map<string, number>();
  for (const pair of doc.contents?.items ?? []) {
    if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), lineOf(pair.key.range[0]));
  }
  try {
    const data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
    return { frontmatter: { data, keyLines }, problems: [] };
  } catch (error) {
    return {
      problems: [
        {
          severity: 'error',
          file,
          line: firstLine,
          message: `the frontmatter could not be read: ${firstSentence((error as Error).message)}`,
          hint: 'remove YAML aliases (*name) and anchors (&name); write each value out',
        },
      ],
    };
  }
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once: delete or merge the repeated one';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'put values containing a colon in double quotes, e.g. title: "Seoul: troops sighted", and indent the items of a list alike';
    default:
      return 'check quotes, colons and indentation; values with a colon or # need double quotes';
  }
}
