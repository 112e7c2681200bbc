import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseArticle, type ParsedArticle, type ParseOptions } from '../lib/article/parse.ts';
import { PIPELINE_VERSION } from '../lib/article/pipeline-version.ts';
import type { StoredArticleInput } from '../lib/article/stored.ts';
import { formatDate } from '../lib/dates.ts';
import { formatProblem, formatReport, sortProblems, type Problem } from '../lib/problems.ts';
import { slugFromFileName } from '../lib/slug.ts';
import { articleSource, checkAcrossFiles, displayPath, listMarkdownFiles } from './content-files.ts';
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
  // Reloads run one after another, so a slow earlier run can never finish last and undo a newer one.
  let queue: Promise<void> = Promise.resolve();
  return {
    name: 'dateline-articles',
    load: async (context) => {
      // In `astro dev`, reload when an article or an image beside it changes; unchanged files keep their
      // entries (digest). Registered before the first load, so fixing a file that broke startup recovers.
      if (context.watcher && !watching) {
        watching = true;
        const contentDir = resolveContentDir(context, options);
        context.watcher.add(contentDir);
        context.watcher.on('all', (_event, changed) => {
          if (!changed.startsWith(contentDir)) return;
          queue = queue.then(() => loadArticles(context, options)).catch((error: Error) => context.logger.error(error.message));
        });
      }
      await loadArticles(context, options);
    },
  };
}

function resolveContentDir(context: LoaderContext, options: ArticlesLoaderOptions): string {
  return path.resolve(fileURLToPath(context.config.root), options.contentDir);
}

/** What is kept beside a stored entry, so a build that reuses it still checks and reports what parsing did. */
interface SourceNotes {
  /** The hero image as written (`./photo.jpg`), to check it still exists. */
  image?: string | undefined;
  /** Warnings the file had when parsed, printed again on every build. */
  warnings: Problem[];
}

async function loadArticles(context: LoaderContext, options: ArticlesLoaderOptions): Promise<void> {
  const { store, meta, logger, generateDigest, parseData } = context;
  const root = fileURLToPath(context.config.root);
  const contentDir = resolveContentDir(context, options);
  const parseOptions: ParseOptions = { timeZone: options.site.timeZone, sections: options.site.sections };
  // A stored entry is reused only for the same bytes parsed the same way: same pipeline version, options,
  // content folder and installed packages (a sanitiser upgrade must re-sanitise every article).
  const lockfile = await readFile(path.join(root, 'package-lock.json'), 'utf8').catch(() => '');
  const optionsDigest = generateDigest(`${PIPELINE_VERSION}\n${JSON.stringify(parseOptions)}\n${contentDir}\n${lockfile}`);
  const now = options.now();

  const { files: relPaths, ignored } = await listMarkdownFiles(contentDir);
  for (const name of ignored) logger.info(`ignored (name starts with . or _): ${displayPath(root, path.join(contentDir, name))}`);
  if (relPaths.length === 0) logger.warn(`No articles found: ${contentDir} holds no .md files.`);

  const problems: Problem[] = [];
  const changed: { id: string; digest: string; absPath: string; article: ParsedArticle; notes: SourceNotes }[] = [];
  const all: StoredArticleInput[] = [];
  const failed: { slug: string; file: string }[] = [];

  for (const relPath of relPaths) {
    const absPath = path.join(contentDir, relPath);
    const bytes = await readFile(absPath);
    const source = articleSource(root, contentDir, relPath, bytes);
    const { file } = source;
    const digest = generateDigest(`${optionsDigest}\n${bytes.toString('base64')}`);
    const existing = store.get(relPath);
    const notes = existing?.digest === digest ? readNotes(meta.get(`notes:${relPath}`)) : undefined;
    if (existing && notes) {
      problems.push(...notes.warnings);
      if (notes.image !== undefined && !source.fileExists!(notes.image)) {
        problems.push({
          severity: 'error',
          file,
          field: 'image',
          message: `"${notes.image}" does not exist next to the article`,
          hint: 'check the file name, or copy the image beside the Markdown file',
        });
      }
      all.push(existing.data as unknown as StoredArticleInput);
      // Keep the unchanged entry's hero image in the build, as Astro's own glob loader does.
      if (existing.assetImports?.length && existing.filePath)
        (store as StoreWithAssets).addAssetImports?.(existing.assetImports, existing.filePath);
      continue;
    }
    const result = parseArticle(source, parseOptions);
    problems.push(...result.problems);
    if (result.article) {
      const warnings = result.problems.filter((p) => p.severity === 'warning');
      changed.push({ id: relPath, digest, absPath, article: result.article, notes: { image: result.article.image?.src, warnings } });
      all.push(result.article);
    } else {
      failed.push({ slug: slugFromFileName(relPath), file });
    }
  }

  problems.push(...checkAcrossFiles(all, failed, now, options.site.relatedCount));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new ContentError(formatReport(problems));
  for (const warning of sortProblems(problems)) logger.warn(formatProblem(warning));

  for (const { id, digest, absPath, article, notes } of changed) {
    const { html, ...data } = article;
    const parsed = await parseData({ id, data: data as unknown as Record<string, unknown>, filePath: absPath });
    store.set({
      id,
      data: parsed,
      filePath: path.relative(root, absPath).split(path.sep).join('/'),
      digest,
      rendered: { html, metadata: { headings: article.headings } },
    });
    meta.set(`notes:${id}`, JSON.stringify(notes));
  }
  const present = new Set(relPaths);
  for (const id of store.keys()) {
    if (present.has(id)) continue;
    store.delete(id);
    meta.delete(`notes:${id}`);
  }

  logger.info(`${relPaths.length} files: ${changed.length} parsed, ${relPaths.length - changed.length} unchanged.`);
  reportUnpublished(all, now, options.site, logger);
}

function readNotes(json: string | undefined): SourceNotes | undefined {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as SourceNotes;
  } catch {
    return undefined;
  }
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
