import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../problems.ts';
import { fieldTooDeep, MAX_FRONTMATTER_DEPTH, tooDeepProblem } from './frontmatter-depth.ts';

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
  // The parser's own stack ran out (a value nested thousands of levels deep, `[[[[…]]]]`): one problem, not one per level.
  const overflow = doc.errors.find((error) => /Maximum call stack size exceeded/.test(error.message));
  if (overflow) {
    // Where the parser ran out depends on the stack it had: the field it was in is the same every time.
    const field = topLevelLineBefore(yamlText, overflow.pos[0]);
    return { problems: [tooDeepProblem(file, field.line + firstLine - 1, field.name)] };
  }
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
    const deep = fieldTooDeep(data);
    if (deep !== undefined) return { problems: [tooDeepProblem(file, keyLines.get(deep) ?? firstLine, deep)] };
    return { frontmatter: { data, keyLines }, problems: [] };
  } catch (error) {
    // Building the values ran out of stack before the parser did (it depends on the thread's stack).
    if (error instanceof RangeError) {
      const field = deepestField(doc.contents?.items ?? []);
      return { problems: [tooDeepProblem(file, (field === undefined ? undefined : keyLines.get(field)) ?? firstLine, field)] };
    }
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

/** The first top-level field whose value nests deeper than the limit, walked on the parsed tree without recursion. */
function deepestField(pairs: readonly { key: unknown; value: unknown }[]): string | undefined {
  for (const pair of pairs) {
    const pending: [unknown, number][] = [[pair.value, 1]];
    while (pending.length > 0) {
      const [node, depth] = pending.pop()!;
      const items = (node as { items?: unknown[] } | null)?.items;
      if (!Array.isArray(items)) continue;
      if (depth > MAX_FRONTMATTER_DEPTH) return isScalar(pair.key) ? String(pair.key.value) : undefined;
      for (const item of items) pending.push([(item as { value?: unknown }).value ?? item, depth + 1]);
    }
  }
  return undefined;
}

/** The top-level `key:` line at or before `offset` (1-based within the block) and its key, if it has one. */
function topLevelLineBefore(yamlText: string, offset: number): { line: number; name: string | undefined } {
  const rows = yamlText.slice(0, offset).split('\n');
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (/^[^\s#-]/.test(row)) return { line: i + 1, name: /^([^\s:#][^:#]*):/.exec(row)?.[1]?.trim() };
  }
  return { line: 1, name: undefined };
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
