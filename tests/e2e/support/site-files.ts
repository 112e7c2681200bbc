import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file of a built site, as paths relative to its folder. */
export function builtFiles(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(extension))
    .sort();
}

/** Every file below a folder (not folders), as sorted relative paths. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The files of `files` whose bytes differ between two folders. */
export function differingFiles(files: readonly string[], a: string, b: string): string[] {
  return files.filter((file) => !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))));
}

/**
 * The built file a URL path is served from by a static host (`/news/world/a/` → `world/a/index.html`
 * under a `/news/` base), or undefined when there is none.
 */
export function fileForPath(dir: string, base: string, urlPath: string): string | undefined {
  if (!urlPath.startsWith(base)) return undefined;
  const relative = decodeURIComponent(urlPath.slice(base.length));
  const candidate = path.join(dir, relative);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = path.join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Where a redirect page (an old address of a story) sends the browser, or undefined for any other page. */
export function refreshTarget(html: string): string | undefined {
  return /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}

/**
 * Internal links (href, src, srcset) of every page that lead to no built file: `page → target`. A link to a
 * redirect page is followed to where it refreshes, which must be a built file too: `page → target → where`.
 */
export function brokenInternalLinks(dir: string, origin: string, base: string): string[] {
  const broken: string[] = [];
  for (const page of builtFiles(dir, '.html')) {
    const html = readFileSync(path.join(dir, page), 'utf8');
    const pageUrl = new URL(`${base}${page.replace(/index\.html$/, '')}`, origin);
    const refresh = refreshTarget(html);
    if (refresh && !fileForPath(dir, base, new URL(refresh, pageUrl).pathname)) broken.push(`${page} → (refresh) ${refresh}`);
    const targets = [
      ...[...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!),
      ...[...html.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) => m[1]!.split(',').map((part) => part.trim().split(/\s+/)[0]!)),
    ];
    for (const target of targets) {
      const url = new URL(target.replace(/&amp;/g, '&'), pageUrl);
      if (url.origin !== new URL(origin).origin) continue;
      const file = fileForPath(dir, base, url.pathname);
      if (!file) broken.push(`${page} → ${target}`);
      else if (file.endsWith('.html')) {
        const onward = refreshTarget(readFileSync(file, 'utf8'));
        if (onward && !fileForPath(dir, base, new URL(onward, url).pathname)) broken.push(`${page} → ${target} → ${onward}`);
      }
    }
  }
  return broken;
}
