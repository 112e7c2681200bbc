// The Hugo yardstick for `npm run bench`: the same synthetic corpus built by a small Hugo site doing a news
// site's kinds of work (article pages with Hugo's related content, home, section and tag pages 10 a page, RSS
// for each, a sitemap, a 404). The site is not part of Dateline: it is looked for beside the project
// (`../shared/bench/hugo-news-site`, or --hugo-site), and Hugo where it is installed (`apt-get install hugo`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { flushFileSystem, measureOutput, timedBuild } from './bench-measure.ts';

export interface HugoSite {
  /** `hugo version`'s first line. */
  version: string;
  /** The Hugo site's folder, copied for each run. */
  template: string;
}

/** Hugo and its site, or why the comparison is skipped. */
export function hugoSite(template: string): HugoSite | string {
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'hugo is not installed (apt-get install hugo)';
  if (!existsSync(path.join(template, 'hugo.toml'))) return `no Hugo site at ${template} (--hugo-site DIR)`;
  return { version: version.stdout.split('\n')[0]!.trim(), template };
}

/**
 * Hugo's copy of a generated article: the same file with the folder it sits in as its `section` and its
 * byline as `author` (the site reads both from frontmatter; its content folder is flat).
 */
export function hugoArticle(markdown: string, section: string): string {
  const authors = /^authors: (.*)$/m.exec(markdown)?.[1] ?? '';
  return markdown.replace(/^---\n/, `---\nsection: ${section}\nauthor: ${JSON.stringify(authors)}\n`);
}

/** Copies the Hugo site into `dir` with every article of the corpus in its flat content folder. */
export function prepareHugoSite(site: HugoSite, corpus: string, dir: string): void {
  cpSync(site.template, dir, { recursive: true });
  const content = path.join(dir, 'content');
  mkdirSync(content, { recursive: true });
  for (const section of readdirSync(corpus)) {
    for (const file of readdirSync(path.join(corpus, section))) {
      if (!file.endsWith('.md')) continue;
      writeFileSync(path.join(content, file), hugoArticle(readFileSync(path.join(corpus, section, file), 'utf8'), section));
    }
  }
}

/** One Hugo build of the prepared site into a new folder. */
export async function measureHugo(dir: string, out: string, logFile: string) {
  flushFileSystem();
  const { wallMs, cpuMs, peak } = await timedBuild(['hugo', '--quiet', '--destination', out], dir, process.env, logFile);
  const { pages, outBytes } = measureOutput(out);
  return { wallMs, cpuMs, peakRssBytes: peak, pages, outBytes };
}
