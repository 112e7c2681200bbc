import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { EMBED_SANDBOX } from './embeds.ts';

/**
 * What article HTML may contain. Written out on purpose rather than spreading hast-util-sanitize's GitHub
 * schema, so every allowance is a decision with a fixture in `tests/fixtures/sanitize/`.
 *
 * - Kept: the structure of a news story (headings, paragraphs, lists, tables, quotes, figures, code,
 *   details/summary, abbr, sup/sub, time) and images with alt text.
 * - Iframes only as embeds from the hosts the newsroom lists (embeds.ts rewrites or removes each first).
 * - Removed with their content (`strip`): script, style, template, noscript, object, embed, textarea,
 *   title, select, and the like, so no code runs and no CSS or fallback text leaks onto the page as text.
 * - svg and math are removed with their content too (they carry their own script and link surfaces).
 * - Other unknown elements are unwrapped: their text stays, the tag goes (`<font>`, `<center>`).
 * - Images from other hosts never reach the sanitiser: `remoteImagesToLinks` turns them into links first.
 * - No event handlers, no `style`, no `class` except the few GFM needs (table alignment becomes an
 *   `align-*` class, as `align` is obsolete HTML); URLs only http(s), mailto, relative.
 * - Ids are kept as written (no `user-content-` prefix): heading anchors (`#background`) and footnote links
 *   must resolve, and article pages run no script that ids could clobber.
 */
const headingAttributes = ['id'];
const cellAttributes: NonNullable<SanitizeSchema['attributes']>[string] = [
  'colSpan',
  'rowSpan',
  'headers',
  'scope',
  ['className', /^align-(?:left|center|right)$/],
];

export const sanitizePolicy: SanitizeSchema = {
  // prettier-ignore
  tagNames: [
    'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'details', 'dfn', 'div',
    'dl', 'dt', 'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'input', 'ins',
    'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'section', 'small', 'span', 'strong', 'sub',
    'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul', 'var', 'wbr',
    'iframe',
  ],
  attributes: {
    a: [
      'href',
      'title',
      'id',
      'ariaDescribedBy',
      'ariaLabel',
      'dataFootnoteRef',
      'dataFootnoteBackref',
      ['className', 'data-footnote-backref'],
    ],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    code: [['className', /^language-[\w+-]+$/]],
    img: ['src', 'alt', 'title', 'width', 'height'],
    // Only frames `keepListedEmbeds` rewrote reach here (all others are removed before); see embeds.ts.
    iframe: [
      'src',
      'title',
      'width',
      'height',
      ['loading', 'lazy'],
      ['sandbox', ...EMBED_SANDBOX],
      'allow',
      'allowFullScreen',
      ['referrerPolicy', 'strict-origin-when-cross-origin'],
    ],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: ['id', ['className', 'task-list-item']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    details: ['open'],
    section: ['dataFootnotes', ['className', 'footnotes']],
    h2: [...headingAttributes, ['className', 'sr-only']],
    h3: headingAttributes,
    h4: headingAttributes,
    h5: headingAttributes,
    h6: headingAttributes,
    td: cellAttributes,
    th: cellAttributes,
    '*': ['lang', 'dir'],
  },
  required: { input: { type: 'checkbox', disabled: true }, iframe: { sandbox: [...EMBED_SANDBOX], loading: 'lazy' } },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'], // iframes: https only, checked with the host in embeds.ts
    cite: ['http', 'https'],
  },
  clobberPrefix: '',
  clobber: [],
  // prettier-ignore
  strip: [
    'script', 'style', 'template', 'noscript', 'object', 'embed', 'applet', 'textarea', 'title',
    'select', 'option', 'xmp', 'noembed', 'noframes', 'frameset', 'frame', 'head', 'math', 'svg', 'canvas',
    'audio', 'video', 'button', 'form',
  ],
  allowComments: false,
  allowDoctypes: false,
};
