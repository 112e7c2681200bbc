import type { Field } from '@sveltia/cms';
import { ARTICLE_TYPES, type KnownField } from '../article/schema.ts';

/**
 * The editor's form for an article: one widget per frontmatter field of the article schema, plus the body.
 * A `Record` over `KnownField`, so a field added to the schema without a widget here fails the type check
 * (and the unit test comparing the form with `KNOWN_FIELDS`).
 */

/** What the form of one collection needs to know. */
export interface FormContext {
  sections: readonly string[];
  /** The newsroom's zone, which the schema reads times without an offset in: the date pickers' hints name it. */
  timeZone: string;
  /** The section of the collection's folder (its articles need no `section:`), or undefined for top-level files. */
  section: string | undefined;
}

/** The name of the body in the form (Sveltia's convention): not a frontmatter field. */
export const BODY_FIELD = 'body';

/**
 * Fields the form cannot hold in every form the schema accepts, and what an editor should know. Each is
 * still in the form; docs/cms.md repeats these.
 */
export const FORM_LIMITS: Partial<Record<KnownField, string>> = {
  featured:
    'a tick box: the date form (featured until a time) cannot be edited in the form, and saving writes true or false over it; set that form in the file',
};

/** No offset: the time typed is written as it is, and the schema reads it in the newsroom's zone. */
const DATE_TIME_FORMAT = 'YYYY-MM-DDTHH:mm:ss';

/**
 * A date-time picker. Not `input_timezone: <the newsroom's zone>`: with it, saving a story from a computer in
 * another zone shifts a date without a time (`2024-10-20`) by the zones' difference, even into the day before.
 */
function dateTime(name: string, label: string, required: boolean, hint?: string): Field {
  return { name, label, widget: 'datetime', format: DATE_TIME_FORMAT, required, ...(hint && { hint }) };
}

/** A list of names or slugs, one text box each. */
function textList(name: string, label: string, hint: string): Field {
  return { name, label, widget: 'list', required: false, hint };
}

const WIDGETS: { [F in KnownField]: (context: FormContext) => Field } = {
  title: () => ({ name: 'title', label: 'Headline', widget: 'string' }),
  // Defaults are written into every edited file that lacks the field: false, so editing an old story never unpublishes it.
  draft: () => ({
    name: 'draft',
    label: 'Draft (not published)',
    widget: 'boolean',
    default: false,
    hint: 'Ticked, the story is saved but not published.',
  }),
  description: () => ({
    name: 'description',
    label: 'Standfirst',
    widget: 'text',
    required: false,
    hint: 'One or two sentences under the headline; also the description search engines show.',
  }),
  date: (context) => dateTime('date', 'Publish time', true, `In ${context.timeZone} time; a time to come schedules the story.`),
  section: (context) => ({
    name: 'section',
    label: 'Section',
    widget: 'select',
    options: [...context.sections],
    required: context.section === undefined,
    hint: context.section === undefined ? 'The section the story is published in.' : `Leave empty: the story is in ${context.section}.`,
  }),
  type: () => ({
    name: 'type',
    label: 'Type',
    widget: 'select',
    options: [...ARTICLE_TYPES],
    required: false,
    hint: 'Leave empty for news; analysis, opinion and live are labelled above the headline. In a live story, start each update with a heading such as "2024-11-06 06:30 Polls close".',
  }),
  authors: () => textList('authors', 'Byline', 'One name per line; leave empty for the publisher.'),
  tags: () => textList('tags', 'Tags', 'Topics, one per line, e.g. North Korea.'),
  image: () => ({
    name: 'image',
    label: 'Picture',
    widget: 'image',
    required: false,
    // Pictures are published only from beside the article, never from another site.
    choose_url: false,
    hint: 'Saved beside the article.',
  }),
  imageAlt: () => ({
    name: 'imageAlt',
    label: 'Picture description',
    widget: 'string',
    required: false,
    hint: 'Required with a picture: what it shows, for readers who cannot see it.',
  }),
  imageCaption: () => ({ name: 'imageCaption', label: 'Caption', widget: 'string', required: false }),
  imageCredit: () => ({ name: 'imageCredit', label: 'Credit', widget: 'string', required: false, hint: 'e.g. Photo: Agency' }),
  updated: (context) =>
    dateTime(
      'updated',
      'Updated',
      false,
      `In ${context.timeZone} time: a substantive update, shown as "Updated …"; not before the publish time.`,
    ),
  corrections: (context) => ({
    name: 'corrections',
    label: 'Corrections',
    widget: 'list',
    required: false,
    summary: '{{fields.date}}: {{fields.text}}',
    fields: [dateTime('date', 'Corrected at', true, `In ${context.timeZone} time.`), { name: 'text', label: 'Correction', widget: 'text' }],
    hint: 'Each is shown in a "Correction" box at the end of the story.',
  }),
  featured: () => ({
    name: 'featured',
    label: 'Featured',
    widget: 'boolean',
    required: false,
    hint: 'Leads the front page for a while after the publish time.',
  }),
  priority: () => ({
    name: 'priority',
    label: 'Priority',
    widget: 'number',
    value_type: 'int',
    min: 0,
    max: 9,
    required: false,
    hint: 'Among featured stories, the highest leads (0 to 9).',
  }),
  related: () => textList('related', 'Related stories', 'File names of stories pinned to the top of Related, without .md.'),
  expires: (context) =>
    dateTime('expires', 'Take down at', false, `In ${context.timeZone} time: the first build after it removes the story everywhere.`),
  coverageEnd: (context) =>
    dateTime(
      'coverageEnd',
      'Live coverage ended',
      false,
      `In ${context.timeZone} time, live stories only; leave empty while the story is live.`,
    ),
  slug: () => ({
    name: 'slug',
    label: 'Address',
    widget: 'string',
    required: false,
    pattern: ['^[a-z0-9]+(-[a-z0-9]+)*$', 'lower-case words joined by hyphens, e.g. budget-vote-delayed'],
    hint: 'Leave empty: the file name is the address.',
  }),
  formerUrls: () =>
    textList('formerUrls', 'Former addresses', 'Paths the story had on this site before, e.g. /2019/10/25/budget-vote.html.'),
  formerSlugs: () => textList('formerSlugs', 'Former slugs', 'Addresses the story had before in its section.'),
};

/** The order of the form: what every story needs first, the rarer settings after the body. */
const FORM_ORDER: readonly (KnownField | typeof BODY_FIELD)[] = [
  'title',
  'draft',
  'description',
  'date',
  'section',
  'type',
  'authors',
  'tags',
  'image',
  'imageAlt',
  'imageCaption',
  'imageCredit',
  BODY_FIELD,
  'updated',
  'corrections',
  'featured',
  'priority',
  'related',
  'expires',
  'coverageEnd',
  'slug',
  'formerUrls',
  'formerSlugs',
];

/** The form of one collection: every field of the schema, and the body. */
export function articleForm(context: FormContext): Field[] {
  return FORM_ORDER.map((name) =>
    name === BODY_FIELD ? { name: BODY_FIELD, label: 'Story', widget: 'markdown' } : WIDGETS[name](context),
  );
}
