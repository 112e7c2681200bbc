import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedFrameFor } from '../../src/lib/article/embeds.ts';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { contentSecurityPolicy, headersFile } from '../../src/lib/security-headers.ts';

const HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'];
const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'sanitize', name, 'input.md'));

function parse(name: string, embedHosts: readonly string[] = HOSTS) {
  return parseArticle(
    { file: `content/world/${name}.md`, relPath: `world/${name}.md`, bytes: new Uint8Array(fixture(name)) },
    { timeZone: 'Europe/Paris', sections: ['World'], embedHosts },
  );
}

describe('embeds', () => {
  it('should accept only https URLs on a listed host exactly', () => {
    expect(embedFrameFor('https://www.youtube-nocookie.com/embed/x', HOSTS)?.href).toBe('https://www.youtube-nocookie.com/embed/x');
    for (const src of [
      'https://www.youtube-nocookie.com.evil.example/embed/x',
      'https://evil.example/?www.youtube-nocookie.com',
      'https://www.youtube-nocookie.com@evil.example/',
      'https://user@www.youtube-nocookie.com/',
      'http://www.youtube-nocookie.com/embed/x',
      'https://www.youtube-nocookie.com:8443/',
      '//www.youtube-nocookie.com/embed/x',
      'javascript:alert(1)//www.youtube-nocookie.com',
      'https://www.youtube.com/embed/x',
    ]) {
      expect(embedFrameFor(src, HOSTS), src).toBeUndefined();
    }
  });

  it('should warn for every frame it removes, naming the article, the line and the URL', () => {
    const { article, problems } = parse('strip-embed-lookalike-hosts');
    expect(article).toBeDefined();
    expect(problems.map((p) => [p.severity, p.line])).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14].map((line) => ['warning', line]));
    expect(problems[0]).toMatchObject({
      file: 'content/world/strip-embed-lookalike-hosts.md',
      message: expect.stringContaining('https://www.youtube-nocookie.com.evil.example/embed/x was removed'),
      hint: expect.stringContaining('embedHosts in src/site.config.ts'),
    });
  });

  it('should keep no frame at all when no host is listed', () => {
    const { article, problems } = parse('keep-embed-listed-host', []);
    expect(article?.html).not.toContain('<iframe');
    expect(problems.filter((p) => p.message.includes('was removed'))).toHaveLength(2);
  });

  it('should let the policy load frames from the listed hosts only', () => {
    expect(contentSecurityPolicy('meta', HOSTS)).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com;');
    expect(contentSecurityPolicy('meta', [])).toContain("frame-src 'none'");
    expect(headersFile('/', HOSTS)).toContain("frame-ancestors 'none'");
  });
});
