import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.yml': 'application/yaml',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The headers a `_headers` file gives a path, as Cloudflare Pages applies it: blocks of a path pattern (a
 * trailing `*` matches any rest) and indented `Name: value` lines; every matching block applies in file
 * order, a header set by two blocks gets both values (so two policies would both be sent, and enforced), and
 * a `! Name` line first removes what earlier blocks set. The build writes one with the site's
 * Content-Security-Policy, so the tests serve pages under the policy a real host would send.
 */
function headersFor(root: string): (pathname: string) => Record<string, string> {
  const file = path.join(root, '_headers');
  if (!existsSync(file)) return () => ({});
  const rules: { pattern: string; unset: string[]; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) rules.push({ pattern: line.trim(), unset: [], headers: [] });
    else if (line.trim().startsWith('!') && rules.length > 0) rules.at(-1)!.unset.push(line.trim().slice(1).trim().toLowerCase());
    else if (line.trim() && rules.length > 0) {
      const colon = line.indexOf(':');
      rules.at(-1)!.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
    }
  }
  return (pathname) => {
    const headers = new Map<string, string>();
    for (const rule of rules) {
      if (!(rule.pattern.endsWith('*') ? pathname.startsWith(rule.pattern.slice(0, -1)) : pathname === rule.pattern)) continue;
      for (const name of rule.unset) headers.delete(name);
      for (const [name, value] of rule.headers) headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
    }
    return Object.fromEntries(headers);
  };
}

/**
 * Serves a built site the way a static host does: `/a/` → `/a/index.html`, unknown paths → `404.html`
 * with status 404, and the headers of the site's `_headers` file (its Content-Security-Policy above all).
 * Only for tests; a newsroom deploys `dist/` to any static host.
 */
export function serveStatic(root: string, port: number, base = '/'): Promise<Server> {
  const headers = headersFor(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    for (const [name, value] of Object.entries(headers(url.pathname))) response.setHeader(name, value);
    // Under a base path (`/news/`) the site lives below it; anything else is missing, as on a real host.
    const inside = url.pathname.startsWith(base) ? url.pathname.slice(base.length - 1) : '/__outside_the_base__';
    let file = path.join(root, decodeURIComponent(inside));
    if (!file.startsWith(root)) file = root;
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      const notFound = path.join(root, '404.html');
      response.writeHead(404, { 'content-type': TYPES['.html']! });
      if (existsSync(notFound)) createReadStream(notFound).pipe(response);
      else response.end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
