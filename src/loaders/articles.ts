import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkCollection } from '../lib/article/collection-checks.ts';
import { parseArticle, type ParsedArticle, type ParseOptions } from '../lib/article/parse.ts';
import { PIPELINE_VERSION } from '../lib/article/pipeline-version.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { formatDate } from '../lib/dates.ts';
import { formatReport, formatProblem, type Problem } from '../lib/problems.ts';
import { publicationStatus } from '../lib/publishing.ts';
import type { SiteConfig } from '../lib/site-config.ts';

/** Astro's store also re-registers an unchanged entry's images; that method is missing from the public type. */
type StoreWithAssets = LoaderContext['store'] & { addAssetImports?: (assets: string[], filePath?: string) => void };

export interface ArticlesLoaderOptions {
  /** Content folder, absolute or relative to the project root. */
  contentDir: string;
  site: SiteConfig;
  /** The build's clock, for scheduled articles. */
  now: () => Date;
}

/**
 * Thrown when articles have errors: the message is the full report, every file at once. An Astro user
 * error, so the build prints the report and the hint rather than a stack trace.
 */
export class ContentError extends AstroError {
  constructor(report: string) {
    super(
      `Some articles cannot be published:\n${report}`,
      'Fix the files listed above (each line says what is expected), then build again.',
    );
  }
}

/**
 * The only module that reads article files. Lists `**\/*.md` in the content folder, parses each changed file
 * (unchanged ones keep their stored entry: same bytes, same digest), checks the collection as a whole, and
 * either stores every article or stops the build with one report of every problem.
 */
export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  let watching = false;
  return {
    name: 'dateline-articles',
    load: async (context) => {
      await loadArticles(context, options);
      // In `astro dev`, reload when a Markdown file changes; unchanged files keep their entries (digest).
      if (!context.watcher || watching) return;
      watching = true;
      const contentDir = resolveContentDir(context, options);
      context.watcher.add(contentDir);
      context.watcher.on('all', (_event, changed) => {
        if (!changed.startsWith(contentDir) || !changed.endsWith('.md')) return;
        loadArticles(context, options).catch((error: Error) => context.logger.error(error.message));
      });
    },
  };
}

function resolveContentDir(context: LoaderContext, options: ArticlesLoaderOptions): string {
  return path.resolve(fileURLToPath(context.config.root), options.contentDir);
}

async function loadArticles(context: LoaderContext, options: ArticlesLoaderOptions): Promise<void> {
  const { store, logger, generateDigest, parseData } = context;
  const root = fileURLToPath(context.config.root);
  const contentDir = resolveContentDir(context, options);
  const parseOptions: ParseOptions = { timeZone: options.site.timeZone, sections: options.site.sections };
  const optionsDigest = `${PIPELINE_VERSION}:${JSON.stringify(parseOptions)}`;
  const now = options.now();

  const relPaths = await listMarkdownFiles(contentDir);
  if (relPaths.length === 0) logger.warn(`No articles found: ${contentDir} holds no .md files.`);

  const problems: Problem[] = [];
  const changed: { id: string; digest: string; absPath: string; article: ParsedArticle }[] = [];
  const all: StoredArticleInput[] = [];

  for (const relPath of relPaths) {
    const absPath = path.join(contentDir, relPath);
    const bytes = await readFile(absPath);
    const digest = generateDigest(`${optionsDigest}\n${bytes.toString('base64')}`);
    const existing = store.get(relPath);
    if (existing?.digest === digest) {
      all.push(existing.data as unknown as StoredArticleInput);
      // Keep the unchanged entry's hero image in the build, as Astro's own glob loader does.
      if (existing.assetImports?.length && existing.filePath)
        (store as StoreWithAssets).addAssetImports?.(existing.assetImports, existing.filePath);
      continue;
    }
    const file = displayPath(root, absPath);
    const fileExists = (src: string) => existsSync(path.resolve(path.dirname(absPath), src));
    const result = parseArticle({ file, relPath, bytes, fileExists }, parseOptions);
    problems.push(...result.problems);
    if (result.article) {
      changed.push({ id: relPath, digest, absPath, article: result.article });
      all.push(result.article);
    }
  }

  problems.push(
    ...checkCollection(all.map((a) => ({ slug: a.slug, file: a.file, related: a.related, status: publicationStatus(a, now) }))),
  );
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(formatReport(problems));
  for (const warning of problems) logger.warn(formatProblem(warning));

  for (const { id, digest, absPath, article } of changed) {
    const { html, ...data } = article;
    const parsed = await parseData({ id, data: data as unknown as Record<string, unknown>, filePath: absPath });
    store.set({
      id,
      data: parsed,
      filePath: path.relative(root, absPath).split(path.sep).join('/'),
      digest,
      rendered: { html, metadata: { headings: article.headings } },
    });
  }
  const present = new Set(relPaths);
  for (const id of store.keys()) if (!present.has(id)) store.delete(id);

  logger.info(`${relPaths.length} files: ${changed.length} parsed, ${relPaths.length - changed.length} unchanged.`);
  reportUnpublished(all, now, options.site, logger);
}

/** Every article that exists but is not on the site gets a line: nothing disappears silently. */
function reportUnpublished(articles: readonly StoredArticleInput[], now: Date, site: SiteConfig, logger: LoaderContext['logger']): void {
  let published = 0;
  for (const article of [...articles].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const status = publicationStatus(article, now);
    if (status === 'published') published++;
    else if (status === 'draft') logger.info(`not published (draft): ${article.file}`);
    else
      logger.info(
        `not published yet (scheduled for ${formatDate(article.date.iso, site.dateTimePattern, site.timeZone, site.locale)}): ${article.file}`,
      );
  }
  logger.info(`${published} of ${articles.length} articles published.`);
}

/** `.md` files below the folder, as sorted `/`-separated paths; names starting with `.` or `_` are ignored. */
async function listMarkdownFiles(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(dir, { recursive: true });
  } catch (error) {
    throw new ContentError(`${dir}: the content folder cannot be read (${(error as Error).message}); create it or set CONTENT_DIR`);
  }
  return entries
    .map((entry) => entry.split(path.sep).join('/'))
    .filter(
      (entry) => entry.toLowerCase().endsWith('.md') && !entry.split('/').some((part) => part.startsWith('.') || part.startsWith('_')),
    )
    .sort();
}

/** Paths inside the project are shown relative to it (`content/world/a.md`); others in full. */
function displayPath(root: string, absPath: string): string {
  const relative = path.relative(root, absPath);
  return relative.startsWith('..') ? absPath : relative.split(path.sep).join('/');
}
