import type { Nodes, Root } from 'mdast';

/**
 * Hugo shortcodes (`{{< youtube id >}}`) and Liquid tags (`{% include note.html %}`, `{{ site.baseurl }}`)
 * in files brought from Hugo or Jekyll: Dateline runs no templates, so each would reach readers as written.
 * They are found in the Markdown tree (never in code, where a story may show them on purpose) and each
 * becomes a warning saying what to write instead.
 */

/** One template tag as written in the body. */
export interface TemplateTag {
  /** The tag as written, shortened for messages. */
  written: string;
  /** Which generator's syntax it is. */
  kind: 'hugo' | 'liquid';
  /** The shortcode's or tag's name (`youtube`, `include`, `site.baseurl`). */
  name: string;
  /** Its first argument, if any (a video's id). */
  argument?: string | undefined;
  line?: number | undefined;
}

const HUGO = /\{\{([<%])\s*(\/?)\s*([^\s>%/]+)\s*([^]*?)\s*[>%]\}\}/g;
const LIQUID_TAG = /\{%-?\s*(\w+)\s*([^]*?)\s*-?%\}/g;
const LIQUID_OUTPUT = /\{\{-?\s*((?:site|page|include|post|layout|paginator|jekyll)(?:\.[\w-]+)*)[^]*?-?\}\}/g;

/** Whether a body may hold a template tag: the quick reading leaves such a body to the build's. */
export function mayHoldTemplateTags(body: string): boolean {
  return /\{\{[<%]|\{%|\{\{-?\s*(?:site|page|include|post|layout|paginator|jekyll)\b/.test(body);
}

/** Every template tag outside code in the tree, in document order. */
export function findTemplateTags(tree: Root): TemplateTag[] {
  const found: TemplateTag[] = [];
  walk(tree, found);
  return found;
}

const SHOWN_LENGTH = 60;

function walk(node: Nodes, found: TemplateTag[]): void {
  if (node.type === 'link' || node.type === 'image' || node.type === 'definition') scan(node.url, node.position?.start.line, found);
  if (!('children' in node)) return;
  // Text and raw HTML side by side are one run of source: `{{<youtube x>}}` is parsed as text, HTML, text.
  let run = '';
  let runLine: number | undefined;
  const flush = () => {
    if (run) scan(run, runLine, found);
    run = '';
  };
  for (const child of node.children) {
    if (child.type === 'text' || child.type === 'html') {
      if (!run) runLine = child.position?.start.line;
      run += child.value;
      continue;
    }
    flush();
    walk(child, found);
  }
  flush();
}

function scan(text: string, line: number | undefined, found: TemplateTag[]): void {
  if (!mayHoldTemplateTags(text)) return;
  const at = (index: number) => (line === undefined ? undefined : line + (text.slice(0, index).match(/\n/g)?.length ?? 0));
  const tags: [number, TemplateTag][] = [];
  // A closing tag (`{{< /tab >}}`, `{% endhighlight %}`) is said with its opening one.
  for (const match of text.matchAll(HUGO))
    if (!match[2]) tags.push([match.index, { written: match[0], kind: 'hugo', name: match[3]!, argument: firstArgument(match[4]!) }]);
  for (const match of text.matchAll(LIQUID_TAG))
    if (!match[1]!.startsWith('end'))
      tags.push([match.index, { written: match[0], kind: 'liquid', name: match[1]!, argument: firstArgument(match[2]!) }]);
  for (const match of text.matchAll(LIQUID_OUTPUT)) tags.push([match.index, { written: match[0], kind: 'liquid', name: match[1]! }]);
  tags.sort((a, b) => a[0] - b[0]);
  for (const [index, tag] of tags) found.push({ ...tag, written: shown(tag.written), line: at(index) });
}

/** `w7Ft2ymGmfc`, `id="w7Ft2ymGmfc"` or `"w7Ft2ymGmfc"` → `w7Ft2ymGmfc`. */
function firstArgument(args: string): string | undefined {
  const first = /^(?:\w+=)?["']?([\w-]+)/.exec(args.trim())?.[1];
  return first || undefined;
}

function shown(written: string): string {
  const flat = written.replace(/\s+/g, ' ');
  return flat.length > SHOWN_LENGTH ? `${flat.slice(0, SHOWN_LENGTH - 1)}…` : flat;
}

/** What to write instead, by the tag's name. */
export function templateTagHint(tag: TemplateTag): string {
  const id = tag.argument ?? 'VIDEO_ID';
  switch (tag.name) {
    case 'youtube':
      return `write the video as <iframe src="https://www.youtube-nocookie.com/embed/${id}" title="what it shows"></iframe>`;
    case 'vimeo':
      return `write the video as <iframe src="https://player.vimeo.com/video/${id}" title="what it shows"></iframe>`;
    case 'figure':
    case 'img':
    case 'image':
      return 'write the picture as ![what it shows](./photo.jpg), with the file beside the article';
    case 'ref':
    case 'relref':
    case 'link':
    case 'post_url':
      return "link to the other article's file instead: [its headline](../section/story.md)";
    case 'highlight':
      return 'write the code as a fenced block: ``` then the language';
    case 'tweet':
    case 'x':
    case 'instagram':
    case 'gist':
      return 'link to the post instead: Dateline embeds frames only from the hosts in embedHosts';
    default:
      return tag.name.includes('.')
        ? 'write the value itself: a site path starts with /, and a link to another article is its file, ../section/story.md'
        : 'replace it with the Markdown or HTML it stood for, or remove it';
  }
}
