import type { Element, ElementContent, Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { parseArticleDate } from '../dates.ts';
import { visitElements } from './walk.ts';
import { compareText } from '../problems.ts';

/** Text for HTML: a date pattern may hold a literal `&` or `<`. */
const escapeText = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/**
 * Live coverage written in the article file: in a `type: live` article, each level-2 heading that starts
 * with a date and time is an update, and everything down to the next such heading is its text:
 *
 *     ## 2024-11-06 06:30 Trump claims victory
 *
 * (the time in the newsroom's zone unless an offset follows it; a headline after it is optional). What
 * comes before the first update is the story's summary, kept on top. Updates are shown newest first, each
 * a `<section>` whose heading links to itself.
 */

/** One update as written, for the page's data, the checks and the feeds. */
export interface LiveUpdate {
  /** The update's anchor, from its date and time as written (`#update-2024-11-06-0630`): an id begins with a letter. */
  id: string;
  /** The instant (ISO 8601, UTC); absent when the heading's date and time are not a real moment. */
  iso?: string;
  /** The date and time as written, for messages. */
  written: string;
  /** The words after the time, if any. */
  headline: string;
  line?: number;
}

/** `2024-11-06 06:30`, `2024-11-06T06:30:00+01:00`, then an optional separator and headline. */
const UPDATE_HEADING =
  /^\s*(\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)(?=[\s—–|·:-]|$)\s*(?:[—–|·:-]\s*)?(.*)$/su;

/** A heading that starts with a date as a writer might mean one (`2024-11-6`, `06/11/2024`) without being an update. */
const DATE_LIKE = /^\s*(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/u;

/** A level-2 heading of a live story that starts like an update but is not one: said, since its text joins the update above. */
export interface MissedUpdate {
  /** The heading's text, shortened. */
  written: string;
  line?: number;
}

/** Where the time of an update goes: filled in when the page is rendered, in the site's own format (`showLiveTimes`). */
const TIME_CLASS = 'live-time';

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller for a `type: live` article: the zone its update times are written in. */
    liveTimeZone: string;
    liveUpdates: LiveUpdate[];
    liveMisses: MissedUpdate[];
  }
}

/**
 * The pipeline step (after the sanitiser and the ids: it only adds fixed elements around what is there, and
 * a `<time>` of a date it read itself). Does nothing unless the file is a live article.
 */
export function groupLiveUpdates() {
  return (tree: Root, file: VFile): void => {
    const timeZone = file.data.liveTimeZone;
    if (timeZone === undefined) return;
    const sections: { update: LiveUpdate; order: number; nodes: Root['children'] }[] = [];
    const before: Root['children'] = [];
    // The footnotes stay at the end of the story, after every update, not in the last one written.
    const after: Root['children'] = [];
    const ids = idsIn(tree);
    const misses: MissedUpdate[] = [];
    for (const node of tree.children) {
      const update = node.type === 'element' && node.tagName === 'h2' ? readHeading(node, timeZone, ids) : undefined;
      if (!update && node.type === 'element' && node.tagName === 'h2') noteMiss(node, misses);
      if (update) sections.push({ update, order: sections.length, nodes: [markHeading(node as Element, update)] });
      else if (after.length > 0 || (node.type === 'element' && node.properties['dataFootnotes'] !== undefined)) after.push(node);
      else (sections.at(-1)?.nodes ?? before).push(node);
    }
    file.data.liveMisses = misses;
    if (sections.length === 0) return;
    // Newest first; an update with no real time (an error of the file) keeps its place after the others.
    sections.sort((a, b) => compareText(b.update.iso ?? '', a.update.iso ?? '') || a.order - b.order);
    tree.children = [
      ...before,
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['live-updates'] },
        children: sections.map(({ update, nodes }) => ({
          type: 'element',
          tagName: 'section',
          properties: { className: ['live-update'], ariaLabelledBy: [update.id] },
          children: nodes as ElementContent[],
        })),
      },
      ...after,
    ];
    file.data.liveUpdates = sections.map(({ update }) => update);
  };
}

function noteMiss(heading: Element, misses: MissedUpdate[]): void {
  const text = hastToString(heading).trim();
  if (!DATE_LIKE.test(text)) return;
  misses.push({
    written: text.length > 60 ? `${text.slice(0, 59)}…` : text,
    ...(heading.position && { line: heading.position.start.line }),
  });
}

function readHeading(heading: Element, timeZone: string, ids: Set<string>): LiveUpdate | undefined {
  const match = UPDATE_HEADING.exec(hastToString(heading));
  if (!match) return undefined;
  const [, written] = match as unknown as [string, string];
  // The headline the page's data and feeds give: its words without a footnote's number.
  const headline = UPDATE_HEADING.exec(hastToString(withoutFootnoteRefs(heading)))?.[2] ?? '';
  const wallClock = written.replace(' ', 'T').replace(/T(\d):/, 'T0$1:');
  const date = parseArticleDate(wallClock, timeZone);
  // The heading's own id (a slug of its text) would begin with a digit: the update's is its time.
  const base = `update-${wallClock.slice(0, 10)}-${wallClock.slice(11, 16).replace(':', '')}`;
  let id = base;
  for (let n = 1; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  heading.properties['id'] = id;
  return {
    id,
    ...(date?.hasTime && { iso: date.iso }),
    written,
    headline: headline.trim(),
    ...(heading.position && { line: heading.position.start.line }),
  };
}

function withoutFootnoteRefs(element: Element): Element {
  const children = element.children
    .filter((child) => !(child.type === 'element' && child.tagName === 'sup' && hastToString(child) && isFootnoteRef(child)))
    .map((child) => (child.type === 'element' ? withoutFootnoteRefs(child) : child));
  return { ...element, children };
}

function isFootnoteRef(sup: Element): boolean {
  return sup.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);
}

/** Every id the body already has, so an update's anchor is never another element's. */
function idsIn(tree: Root): Set<string> {
  const ids = new Set<string>();
  visitElements(tree, (node) => void (typeof node.properties['id'] === 'string' && ids.add(node.properties['id'])));
  return ids;
}

/** The heading as the page shows it: a link to itself holding the time, then the headline as written. */
function markHeading(heading: Element, update: LiveUpdate): Element {
  const time: Element = {
    type: 'element',
    tagName: 'time',
    properties: { className: [TIME_CLASS], dateTime: update.iso ?? '' },
    children: [],
  };
  // The heading's words after the time, as written (links and emphasis kept), with the time cut from the front.
  const [whole, , headline] = UPDATE_HEADING.exec(hastToString(heading)) as unknown as [string, string, string];
  const rest = dropLeadingText(heading.children, whole.length - headline.length);
  return {
    ...heading,
    children: [
      { type: 'element', tagName: 'a', properties: { href: `#${update.id}`, className: ['update-link'] }, children: [time] },
      ...(rest.length > 0 ? [{ type: 'text' as const, value: ' ' }, ...rest] : []),
    ],
  };
}

/** The children without their first `count` characters of text (the date and time written before the headline). */
function dropLeadingText(children: ElementContent[], count: number): ElementContent[] {
  const kept: ElementContent[] = [];
  let left = count;
  for (const child of children) {
    if (left <= 0) kept.push(child);
    else if (child.type === 'text') {
      if (child.value.length > left) kept.push({ ...child, value: child.value.slice(left) });
      left -= child.value.length;
    } else if (child.type === 'element') {
      const length = hastToString(child).length;
      if (length > left) kept.push({ ...child, children: dropLeadingText(child.children, left) });
      left -= length;
    }
  }
  return kept;
}

/**
 * Fills each update's `<time>` with its time as the site writes times (`06/11/2024 06h30`), when the page
 * is rendered: the stored body does not depend on the display settings.
 */
export function showLiveTimes(html: string, show: (iso: string) => string): string {
  if (!html.includes(TIME_CLASS)) return html;
  return html.replace(
    new RegExp(`<time class="${TIME_CLASS}" datetime="([^"]*)"></time>`, 'g'),
    (_, iso: string) => `<time class="${TIME_CLASS}" datetime="${iso}">${iso ? escapeText(show(iso)) : ''}</time>`,
  );
}
