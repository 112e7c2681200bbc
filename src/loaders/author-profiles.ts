// Author profiles: the Markdown files of `content/authors/`, read for the build, `astro dev` and `npm run validate`.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { readProfile, type ParsedProfile } from '../lib/author/read-profile.ts';
import type { Problem } from '../lib/problems.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { authorPath } from '../lib/urls.ts';
import { PROFILES_FOLDER } from '../lib/author/profile-schema.ts';
import { displayPath, listingProblems, unreadableProblem } from './content-files.ts';
import { isFileInside, listMarkdownFiles, readArticleFile } from './content-folder.ts';
import { pictureProblems } from './picture-checks.ts';

export interface ProfilesRead {
  /** Profiles without errors, in slug order. */
  profiles: ParsedProfile[];
  /** Every problem of every profile file and of the folder's listing. */
  problems: Problem[];
}

/**
 * Reads every profile of the content folder. A profile with errors is not returned; its problems say why,
 * and the articles' report carries them, so one run reports every problem of the content folder.
 */
export async function readProfiles(
  root: string,
  contentDir: string,
  site: Pick<SiteConfig, 'maxArticleBytes' | 'markdownParser'>,
): Promise<ProfilesRead> {
  const dir = path.join(contentDir, PROFILES_FOLDER);
  if (!existsSync(dir)) return { profiles: [], problems: [] };
  // The Markdown pipeline is loaded only for a newsroom with profiles (`npm run validate` otherwise never loads it here).
  const { rendering } = await import('../lib/article/parse.ts');
  const reader = rendering(site.markdownParser ?? 'selective-gfm');
  const listing = listMarkdownFiles(dir);
  const problems = listingProblems(root, dir, listing);
  const read: ParsedProfile[] = [];
  const verdicts = new Map<string, string>();
  for (const name of listing.files) {
    const file = displayPath(root, path.join(dir, name));
    if (name.includes('/')) {
      problems.push({
        severity: 'warning',
        file,
        message: 'is not read: profiles sit directly in the authors folder',
        hint: `move it to ${displayPath(root, dir)}/`,
      });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readArticleFile(dir, name, site.maxArticleBytes);
    } catch (error) {
      problems.push(unreadableProblem(file, error));
      continue;
    }
    const relPath = `${PROFILES_FOLDER}/${name}`;
    const fileExists = (src: string) => isFileInside(contentDir, path.resolve(dir, src));
    const result = readProfile({ file, relPath, bytes, fileExists }, reader);
    problems.push(...result.problems);
    const photo = result.profile?.photo;
    const photoProblems = photo
      ? await pictureProblems(file, path.join(dir, name), [{ path: photo.src, line: photo.line, field: 'photo' }], verdicts)
      : [];
    problems.push(...photoProblems);
    if (result.profile && photoProblems.length === 0) read.push(result.profile);
  }
  const { profiles, problems: clashes } = oneProfilePerAuthor(read);
  return { profiles, problems: [...problems, ...clashes] };
}

/** Two profiles whose names make one author page are both errors: neither can say which person it is. */
function oneProfilePerAuthor(read: readonly ParsedProfile[]): ProfilesRead {
  const bySlug = Map.groupBy(read, (profile) => profile.slug);
  const problems: Problem[] = [];
  const profiles: ParsedProfile[] = [];
  for (const [slug, same] of [...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (same.length === 1) profiles.push(same[0]!);
    else
      for (const profile of same)
        problems.push({
          severity: 'error',
          file: profile.file,
          field: 'name',
          message: `"${profile.name}" has the same author page, ${authorPath(slug)}, as ${same
            .filter((other) => other !== profile)
            .map((other) => other.file)
            .join(', ')}`,
          hint: 'keep one profile per person: delete or merge the others',
        });
  }
  return { profiles, problems };
}
