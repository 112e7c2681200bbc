import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The static half of the XSS corpus test (tests/e2e/xss.spec.ts): what a built site may contain. The
 * markup rules run inside the browser (`page.evaluate`), so the HTML and XML are read by the parsers
 * that matter, Chromium's own, through `DOMParser`, which never runs scripts or loads anything.
 */

/** One piece of markup to check. */
export interface MarkupInput {
  /** Where it comes from, for findings: `world/a/index.html`, `rss.xml item 3 content:encoded`. */
  source: string;
  markup: string;
  /** A whole page, or an HTML fragment carried by a feed. */
  kind: 'page' | 'fragment';
  /** The search page may carry its module script and its form; no other page may. */
  searchPage: boolean;
  /** Hosts an `<iframe>` may load from (`embedHosts` in the site configuration). */
  embedHosts: readonly string[];
  /** The site's origin (`https://dateline.example.org`): the only one page metadata may point at. */
  siteOrigin: string;
}

/**
 * Everything in a page or fragment that could run script, load a script URL or change where the page
 * goes. Self-contained: Playwright sends its source to the browser.
 */
export function scanMarkup(input: MarkupInput): string[] {
  const doc = new DOMParser().parseFromString(
    input.kind === 'page' ? input.markup : `<!doctype html><html><head></head><body>${input.markup}</body></html>`,
    'text/html',
  );
  const found: string[] = [];
  const describe = (element: Element) => {
    const text = element.outerHTML.replace(/\s+/g, ' ');
    return `${input.source}: ${text.length > 160 ? `${text.slice(0, 159)}…` : text}`;
  };
  // Browsers drop tab and newline anywhere in a URL and C0 controls and spaces around it.
  const normalise = (value: string) =>
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u205f\u3000\ufeff]/g, '').toLowerCase();
  const scriptUrl = (value: string, rasterImage: boolean) => {
    const url = normalise(value);
    if (/^(?:javascript|vbscript|livescript|mocha):/.test(url)) return true;
    if (url.startsWith('data:')) return !(rasterImage && /^data:image\/(?:png|gif|jpeg|webp|avif)[;,]/.test(url));
    return url.includes('/beacon/');
  };
  const URL_ATTRIBUTES = new Set([
    'href',
    'src',
    'srcset',
    'imagesrcset',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'poster',
    'background',
    'cite',
    'ping',
    'longdesc',
    'lowsrc',
    'dynsrc',
    'codebase',
    'classid',
    'archive',
    'manifest',
    'icon',
    'profile',
    'usemap',
  ]);
  const FORBIDDEN = [
    'object',
    'embed',
    'applet',
    'frame',
    'frameset',
    'portal',
    'fencedframe',
    'base',
    'style',
    'template',
    'noscript',
    'textarea',
    'xmp',
    'noembed',
    'noframes',
    'plaintext',
    'svg',
    'math',
    'video',
    'audio',
    'source',
    'track',
    'map',
    'area',
    'isindex',
    'keygen',
    'marquee',
  ];
  const inSearchForm = (element: Element) => input.searchPage && element.closest('form.search-form') !== null;

  for (const element of doc.querySelectorAll('*')) {
    const tag = element.localName;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${describe(element)} has a ${name} handler`);
      else if (name === 'style') found.push(`${describe(element)} has a style attribute`);
      else if (name === 'srcdoc') found.push(`${describe(element)} has a srcdoc`);
      else if (URL_ATTRIBUTES.has(name)) {
        const values = name.endsWith('srcset')
          ? attribute.value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '')
          : [attribute.value];
        if (values.some((value) => scriptUrl(value, tag === 'img' && (name === 'src' || name === 'srcset'))))
          found.push(`${describe(element)} has a script URL in ${name}`);
      }
    }
    // A picture's other format (AVIF): a <source> in a <picture>, an image type, and files of the site only.
    const pictureSource =
      tag === 'source' &&
      element.parentElement?.localName === 'picture' &&
      [...element.attributes].every((a) => ['srcset', 'type', 'sizes'].includes(a.name.toLowerCase())) &&
      /^image\//.test(element.getAttribute('type') ?? '') &&
      (element.getAttribute('srcset') ?? '').split(',').every((part) => /^\/(?!\/)\S+ \d+w$/.test(part.trim()));
    if (FORBIDDEN.includes(tag) && !pictureSource) found.push(`${describe(element)} is a forbidden element`);
    if (tag === 'script') {
      const type = element.getAttribute('type');
      const text = element.textContent ?? '';
      if (input.kind === 'page' && type === 'application/ld+json') {
        // Data, never run; a `<` would mean a value could have closed the element.
        if (text.includes('<')) found.push(`${input.source}: a JSON-LD block contains "<"`);
        try {
          // Every address in it is one of the site's own.
          const visit = (value: unknown, key: string): void => {
            if (Array.isArray(value)) value.forEach((item) => visit(item, key));
            else if (value && typeof value === 'object') for (const [inner, item] of Object.entries(value)) visit(item, inner);
            else if (
              typeof value === 'string' &&
              ['url', '@id', 'item', 'logo', 'image'].includes(key) &&
              !value.startsWith(`${input.siteOrigin}/`)
            )
              found.push(`${input.source}: JSON-LD ${key} ${value.slice(0, 120)} is not a URL of the site`);
          };
          visit(JSON.parse(text), '');
        } catch {
          found.push(`${input.source}: a JSON-LD block is not JSON`);
        }
        if (element.parentElement?.localName !== 'head') found.push(`${input.source}: a JSON-LD block outside <head>`);
      } else {
        const own =
          input.kind === 'page' &&
          input.searchPage &&
          type === 'module' &&
          /^\/_astro\/[\w.-]+\.js$/.test(element.getAttribute('src') ?? '');
        if (!own || text.trim() !== '') found.push(`${describe(element)} is a script that is not the site's own`);
      }
    }
    if (tag === 'iframe') {
      let url: URL | undefined;
      try {
        url = new URL(element.getAttribute('src') ?? '', input.siteOrigin);
      } catch {
        url = undefined;
      }
      const host = url?.hostname.replace(/\.$/, '');
      if (!url || url.protocol !== 'https:' || !host || !input.embedHosts.includes(host) || url.username || url.password)
        found.push(`${describe(element)} is an iframe from a host not on the allow-list`);
      if (!element.hasAttribute('sandbox')) found.push(`${describe(element)} is an iframe without sandbox`);
    }
    if (tag === 'meta') {
      const equiv = element.getAttribute('http-equiv');
      const inHead = input.kind === 'page' && element.parentElement?.localName === 'head';
      // A redirect page (a story's old address) refreshes to a path of the site, never to a scheme or another host.
      const sameSiteRefresh =
        equiv?.toLowerCase() === 'refresh' && /^0; url=\/(?!\/)[^\s"'<>\\]*$/.test(element.getAttribute('content') ?? '');
      if (equiv !== null && !(inHead && (equiv.toLowerCase() === 'content-security-policy' || sameSiteRefresh)))
        found.push(`${describe(element)} is a meta http-equiv`);
      const property = element.getAttribute('property') ?? element.getAttribute('name') ?? '';
      if (
        /^(?:og:url|og:image|twitter:image)$/.test(property) &&
        !(element.getAttribute('content') ?? '').startsWith(`${input.siteOrigin}/`)
      )
        found.push(`${describe(element)} points outside the site`);
    }
    if (tag === 'link') {
      const rel = element.getAttribute('rel') ?? '';
      const href = element.getAttribute('href') ?? '';
      const allowed =
        input.kind === 'page' &&
        element.parentElement?.localName === 'head' &&
        (['canonical', 'icon', 'alternate', 'prev', 'next'].includes(rel) ||
          (rel === 'stylesheet' && /^\/_astro\/[\w.-]+\.css$/.test(href)));
      if (!allowed) found.push(`${describe(element)} is a link the site does not write`);
    }
    if (tag === 'form' && !(input.searchPage && element.matches('form.search-form') && element.getAttribute('action') === '/search/'))
      found.push(`${describe(element)} is a form`);
    if (
      (tag === 'button' || tag === 'input' || tag === 'select') &&
      !inSearchForm(element) &&
      !(tag === 'input' && element.getAttribute('type') === 'checkbox' && element.hasAttribute('disabled'))
    )
      found.push(`${describe(element)} is a form control`);
    if (tag === 'title' && element.parentElement?.localName !== 'head') found.push(`${describe(element)} is a title outside <head>`);
  }
  if (input.kind === 'page') {
    if (doc.querySelectorAll('title').length !== 1) found.push(`${input.source}: ${doc.querySelectorAll('title').length} <title> elements`);
    const policies = doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]');
    if (policies.length !== 1) found.push(`${input.source}: ${policies.length} Content-Security-Policy meta tags`);
  }
  return found;
}

/** What a feed or sitemap holds: problems with the XML itself, and the HTML fragments feed readers render. */
export interface XmlScan {
  findings: string[];
  fragments: { source: string; markup: string }[];
}

/**
 * An XML file (RSS, sitemap) read by the browser's XML parser: it must be well-formed, every link in
 * it must be a web address of the site, and the HTML it carries (RSS `description`, which readers render
 * as HTML, and `content:encoded`) is returned for `scanMarkup`. Self-contained, like `scanMarkup`.
 */
export function scanXml(input: { source: string; xml: string; siteOrigin: string }): XmlScan {
  const doc = new DOMParser().parseFromString(input.xml, 'application/xml');
  const findings: string[] = [];
  const fragments: XmlScan['fragments'] = [];
  if (doc.getElementsByTagName('parsererror').length > 0) {
    findings.push(`${input.source}: not well-formed XML: ${doc.getElementsByTagName('parsererror')[0]!.textContent?.slice(0, 200)}`);
    return { findings, fragments };
  }
  for (const element of doc.getElementsByTagName('*')) {
    const name = element.tagName;
    const text = element.textContent ?? '';
    if (['link', 'guid', 'loc', 'url'].includes(name) && element.children.length === 0) {
      if (!text.startsWith(`${input.siteOrigin}/`) || /(?:^|\/)\.\.?(?:\/|$)/.test(text.slice(input.siteOrigin.length)))
        findings.push(`${input.source}: <${name}> ${text.slice(0, 120)} is not a URL of the site`);
    }
    if (name === 'description' || name === 'content:encoded') {
      const item =
        element.parentElement?.tagName === 'item'
          ? ` item ${[...doc.getElementsByTagName('item')].indexOf(element.parentElement) + 1}`
          : '';
      fragments.push({ source: `${input.source}${item} ${name}`, markup: text });
    }
  }
  return { findings, fragments };
}

/** A JSON file: it must parse; feed items give their HTML to `scanMarkup`, and every URL must be the site's. */
export function scanJson(source: string, text: string, siteOrigin: string): XmlScan {
  const findings: string[] = [];
  const fragments: XmlScan['fragments'] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { findings: [`${source}: not JSON: ${String(error)}`], fragments };
  }
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${where}[${i}]`));
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) visit(inner, `${where}.${key}`);
    else if (typeof value === 'string') {
      const key = where.slice(where.lastIndexOf('.') + 1);
      if (key === 'content_html') fragments.push({ source: `${source} ${where}`, markup: value });
      if (
        /^(?:url|id|home_page_url|feed_url|external_url|image|banner_image|icon|favicon)$/.test(key) &&
        !value.startsWith(`${siteOrigin}/`)
      )
        findings.push(`${source} ${where}: ${value.slice(0, 120)} is not a URL of the site`);
    }
  };
  if (source.endsWith('feed.json')) visit(data, '');
  return { findings, fragments };
}

/** Every file under `dir`, relative, `/`-separated, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => statSync(path.join(dir, file)).isFile())
    .sort();
}

/**
 * Paths no attack may have made: a segment that is empty, `.` or `..`, or holds characters no slug
 * produces (quotes, brackets, `%`, `:`, `\`, spaces, controls).
 */
export function unsafePaths(files: readonly string[]): string[] {
  return files.filter((file) =>
    file.split('/').some((segment) => segment === '' || segment === '.' || segment === '..' || !/^[\p{L}\p{N}._-]+$/u.test(segment)),
  );
}

/** Files in `sandbox` other than those under the folders the build was asked to write (`keep`). */
export function strayFiles(sandbox: string, keep: readonly string[]): string[] {
  const kept = keep.map((folder) => path.relative(sandbox, folder).split(path.sep).join('/'));
  return readdirSync(sandbox, { recursive: true, encoding: 'utf8' })
    .map((entry) => entry.split(path.sep).join('/'))
    .filter((entry) => !kept.some((folder) => entry === folder || entry.startsWith(`${folder}/`) || folder.startsWith(`${entry}/`)));
}

/** The fixtures listed in the corpus README's table: path → vector family. */
export function readmeTable(readme: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of readme.matchAll(/^\| `([^`]+\.md)` \| ([a-z-]+) \|/gm)) rows.set(match[1]!, match[2]!);
  return rows;
}
