import { addressProblem, isRecord, shown, unknownKeyProblems } from '../setting-checks.ts';

/**
 * The `cms` setting: whether the site ships an editor for journalists at `/admin/` (Sveltia CMS, a
 * Git-based CMS: every save is a commit to the newsroom's repository), and which repository host it
 * writes to. Off (`false`) by default: no `/admin/` is built at all.
 */

/** The repository hosts the editor can write to; `test-repo` keeps everything in the browser (tests, trying it out). */
export const CMS_BACKENDS = ['github', 'gitlab', 'gitea', 'test-repo'] as const;
export type CmsBackendName = (typeof CMS_BACKENDS)[number];

/** Where the editor reads and commits articles. */
export interface CmsBackend {
  name: CmsBackendName;
  /** The repository, `owner/name` (GitLab: `group/subgroup/project`); not for `test-repo`. */
  repo?: string;
  /** The branch to commit to; the repository's default branch when left out. */
  branch?: string;
  /** The host's API, for GitHub Enterprise or a self-hosted GitLab, Gitea or Forgejo (`https://git.example.org/api/v1`). */
  apiRoot?: string;
  /** The OAuth server sign-in goes through (GitHub: a sveltia-cms-auth worker; GitLab, Gitea: the instance). */
  baseUrl?: string;
  /** The OAuth application's ID (GitLab, Gitea and Forgejo sign in with PKCE, no server of your own). */
  appId?: string;
}

export interface CmsSettings {
  backend: CmsBackend;
  /**
   * The content folder's path inside the repository (`content`); by default the content folder's path in
   * this project. Needed only when the articles live in a repository of their own.
   */
  folder?: string;
  /** Saves go to a branch and a pull request until an editor publishes them (GitHub and GitLab only). */
  editorialWorkflow?: boolean;
}

const SETTING_KEYS = ['backend', 'folder', 'editorialWorkflow'];
const BACKEND_KEYS = ['name', 'repo', 'branch', 'apiRoot', 'baseUrl', 'appId'];

/**
 * What is wrong with the `cms` setting, one line each, for the settings check. The settings file is
 * TypeScript but SITE_CMS is JSON, so every value's type is checked here too.
 */
export function cmsProblems(cms: CmsSettings | false): string[] {
  if (cms === false) return [];
  if (!isRecord(cms) || !isRecord(cms.backend)) return ["cms: false, or { backend: { name: 'github', repo: 'owner/name' } }"];
  const backend = cms.backend as Record<string, unknown>;
  const problems = [...unknownKeyProblems('cms', cms, SETTING_KEYS), ...unknownKeyProblems('cms.backend', backend, BACKEND_KEYS)];
  if (!CMS_BACKENDS.includes(backend.name as CmsBackendName)) {
    problems.push(`cms.backend.name: ${shown(backend.name)} must be one of ${CMS_BACKENDS.join(', ')}`);
    return problems;
  }
  if (backend.name === 'test-repo') {
    for (const key of ['repo', 'branch', 'apiRoot', 'baseUrl', 'appId'] as const)
      if (backend[key] !== undefined) problems.push(`cms.backend.${key}: test-repo keeps entries in the browser and takes no ${key}`);
  } else problems.push(...hostBackendProblems(backend));
  const { folder, editorialWorkflow } = cms as Record<string, unknown>;
  if (folder !== undefined && typeof folder !== 'string')
    problems.push(`cms.folder: ${shown(folder)} must be text (e.g. folder: 'content')`);
  else if (folder !== undefined && !isInnerFolder(folder))
    problems.push(`cms.folder: ${shown(folder)} must be a folder inside the repository, without a leading / or .. (e.g. content)`);
  if (editorialWorkflow !== undefined && typeof editorialWorkflow !== 'boolean') problems.push('cms.editorialWorkflow: true or false');
  else if (editorialWorkflow && backend.name !== 'github' && backend.name !== 'gitlab')
    problems.push(`cms.editorialWorkflow: works with GitHub and GitLab only, not ${backend.name}`);
  return problems;
}

/** What is wrong with the backend of a real repository host (GitHub, GitLab, Gitea). */
function hostBackendProblems(backend: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { name, repo, branch, appId } = backend;
  // GitLab groups nest (`group/subgroup/project`); GitHub and Gitea have one owner.
  const repoPattern = name === 'gitlab' ? /^[\w.-]+(\/[\w.-]+)+$/ : /^[\w.-]+\/[\w.-]+$/;
  if (typeof repo !== 'string' || !repoPattern.test(repo))
    problems.push(`cms.backend.repo: ${shown(repo ?? '')} must name the repository as owner/name (e.g. newsroom/dateline)`);
  if (branch !== undefined && typeof branch !== 'string')
    problems.push(`cms.backend.branch: ${shown(branch)} must be text (e.g. branch: 'main')`);
  else if (branch !== undefined && !/^[^\s\p{Cc}~^:?*[\\]+$/u.test(branch))
    problems.push(`cms.backend.branch: ${shown(branch)} is not a branch name (e.g. main)`);
  // apiRoot is an API's address (a path on the host); baseUrl a sign-in server, an origin. Both reach the editor's policy.
  const apiRoot = addressProblem(backend.apiRoot, 'url', 'https://git.example.org');
  if (backend.apiRoot !== undefined && apiRoot) problems.push(`cms.backend.apiRoot: ${apiRoot}`);
  const baseUrl = addressProblem(backend.baseUrl, 'origin', 'https://git.example.org');
  if (backend.baseUrl !== undefined && baseUrl) problems.push(`cms.backend.baseUrl: ${baseUrl}`);
  // Sveltia signs in to GitHub through an OAuth server (baseUrl) or a token, never PKCE.
  if (name === 'github' && appId !== undefined)
    problems.push('cms.backend.appId: GitHub sign-in goes through an OAuth server (baseUrl) or an access token; leave appId out');
  else if (appId !== undefined && typeof appId !== 'string')
    problems.push(`cms.backend.appId: ${shown(appId)} must be text (e.g. appId: 'a1b2c3')`);
  else if (appId !== undefined && !/^[^\s\p{Cc}]+$/u.test(appId)) problems.push(`cms.backend.appId: ${shown(appId)} is not an ID`);
  return problems;
}

/** A relative folder path that stays inside the repository. */
export function isInnerFolder(folder: string): boolean {
  const parts = folder.split('/');
  return (
    folder !== '' &&
    !folder.startsWith('/') &&
    !folder.includes('\\') &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** The `cms` setting from the SITE_CMS environment variable (JSON: `false` or the setting), for fixture builds. */
export function cmsFromEnvironment(value: string | undefined): CmsSettings | false | undefined {
  if (value === undefined || value === '') return undefined;
  let cms: unknown;
  try {
    cms = JSON.parse(value);
  } catch {
    cms = undefined;
  }
  if (cms !== false && (typeof cms !== 'object' || cms === null || Array.isArray(cms)))
    throw new Error(`SITE_CMS must be JSON: false, or the setting, e.g. {"backend":{"name":"test-repo"}}; it is ${value}`);
  return cms as CmsSettings | false;
}
