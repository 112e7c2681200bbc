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

/** What is wrong with the `cms` setting, one line each, for the settings check. */
export function cmsProblems(cms: CmsSettings | false): string[] {
  if (cms === false) return [];
  if (typeof cms !== 'object' || cms === null || typeof cms.backend !== 'object' || cms.backend === null)
    return ["cms: false, or { backend: { name: 'github', repo: 'owner/name' } }"];
  const problems: string[] = [];
  const unknown = (where: string, value: object, known: string[]) => {
    for (const key of Object.keys(value))
      if (!known.includes(key)) problems.push(`${where}: "${key}" is not a setting (the settings are ${known.join(', ')})`);
  };
  unknown('cms', cms, SETTING_KEYS);
  const { backend } = cms;
  unknown('cms.backend', backend, BACKEND_KEYS);
  if (!CMS_BACKENDS.includes(backend.name)) {
    problems.push(`cms.backend.name: "${backend.name}" must be one of ${CMS_BACKENDS.join(', ')}`);
    return problems;
  }
  if (backend.name === 'test-repo') {
    for (const key of ['repo', 'branch', 'apiRoot', 'baseUrl', 'appId'] as const)
      if (backend[key] !== undefined) problems.push(`cms.backend.${key}: test-repo keeps entries in the browser and takes no ${key}`);
  } else {
    // GitLab groups nest (`group/subgroup/project`); GitHub and Gitea have one owner.
    const repoPattern = backend.name === 'gitlab' ? /^[\w.-]+(\/[\w.-]+)+$/ : /^[\w.-]+\/[\w.-]+$/;
    if (typeof backend.repo !== 'string' || !repoPattern.test(backend.repo))
      problems.push(`cms.backend.repo: "${backend.repo ?? ''}" must name the repository as owner/name (e.g. newsroom/dateline)`);
    if (backend.branch !== undefined && !/^[^\s~^:?*[\\]+$/.test(backend.branch))
      problems.push(`cms.backend.branch: "${backend.branch}" is not a branch name (e.g. main)`);
    for (const key of ['apiRoot', 'baseUrl'] as const) {
      const value = backend[key];
      if (value !== undefined && !(URL.canParse(value) && new URL(value).protocol === 'https:'))
        problems.push(`cms.backend.${key}: "${value}" is not an https address (e.g. https://git.example.org)`);
    }
    // Sveltia signs in to GitHub through an OAuth server (baseUrl) or a token, never PKCE.
    if (backend.name === 'github' && backend.appId !== undefined)
      problems.push('cms.backend.appId: GitHub sign-in goes through an OAuth server (baseUrl) or an access token; leave appId out');
    if (backend.appId !== undefined && !/^\S+$/.test(backend.appId)) problems.push(`cms.backend.appId: "${backend.appId}" is not an ID`);
  }
  if (cms.folder !== undefined && !isInnerFolder(cms.folder))
    problems.push(`cms.folder: "${cms.folder}" must be a folder inside the repository, without a leading / or .. (e.g. content)`);
  if (cms.editorialWorkflow !== undefined && typeof cms.editorialWorkflow !== 'boolean')
    problems.push('cms.editorialWorkflow: true or false');
  else if (cms.editorialWorkflow && backend.name !== 'github' && backend.name !== 'gitlab')
    problems.push(`cms.editorialWorkflow: works with GitHub and GitLab only, not ${backend.name}`);
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
