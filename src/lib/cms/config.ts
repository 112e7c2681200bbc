import type { Backend, CmsConfig, EntryCollection } from '@sveltia/cms';
import { toSlug } from '../slug.ts';
import { articleForm } from './fields.ts';
import { profileForm } from './profile-fields.ts';
import { PROFILES_FOLDER } from '../author/profile-schema.ts';
import type { CmsBackend, CmsSettings } from './settings.ts';

/** What the editor's configuration is made from: the `cms` setting and the newsroom's other settings. */
export interface CmsConfigInput {
  cms: CmsSettings;
  publisher: string;
  sections: readonly string[];
  timeZone: string;
  /** The site's address with its base path (`https://news.example.org/news/`), linked from the editor. */
  siteAddress: string;
  /** The content folder's path inside the repository (`content`). */
  contentFolder: string;
}

/** The collection of author profiles (`content/authors/`): `authors` is no section's slug. */
export const PROFILES_COLLECTION = 'authors';

/** The collection of files at the top of the content folder: no section slug can be it (slugs never hold `_`). */
export const TOP_LEVEL_COLLECTION = '_content';

/** How every collection's files are kept: Markdown with frontmatter, named by slug, pictures beside them. */
const MARKDOWN_FILES = {
  // Only the files directly in the folder: a story's own folder (`budget-vote/index.md`) is not listed.
  path: '{{slug}}',
  extension: 'md',
  format: 'frontmatter',
  create: true,
  // '' is the entry's own folder: a picture is saved beside the entry, and written as its file name.
  media_folder: '',
  public_folder: '',
} as const;

/**
 * The editor's configuration (Sveltia CMS's `config.yml`), made from the settings and the article schema
 * only, so the form cannot drift from what the build accepts: one collection per section folder, one for
 * the files at the top of the content folder, each with the whole schema as its form.
 */
export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const { cms, sections, timeZone } = input;
  const collection = (name: string, label: string, folder: string, section: string | undefined): EntryCollection => ({
    name,
    label,
    label_singular: section === undefined ? 'story' : `${section} story`,
    folder,
    ...MARKDOWN_FILES,
    sortable_fields: { fields: ['date', 'title'], default: { field: 'date', direction: 'descending' } },
    view_filters: [{ name: 'drafts', label: 'Drafts', field: 'draft', pattern: true }],
    fields: articleForm({ sections, timeZone, section }),
  });
  return {
    backend: backendConfig(cms.backend),
    ...(cms.editorialWorkflow && { publish_mode: 'editorial_workflow' as const }),
    app_title: `${input.publisher} editor`,
    site_url: input.siteAddress,
    media_folder: input.contentFolder,
    // File names like the site's addresses: no accents (`café` → `cafe`).
    slug: { encoding: 'unicode', clean_accents: true },
    // An optional field left empty is left out, not written as '' (which the schema refuses).
    output: { omit_empty_optional_fields: true },
    collections: [
      ...sections.map((section) => collection(toSlug(section), section, `${input.contentFolder}/${toSlug(section)}`, section)),
      collection(TOP_LEVEL_COLLECTION, 'Other stories', input.contentFolder, undefined),
      {
        name: PROFILES_COLLECTION,
        label: 'Author profiles',
        label_singular: 'author profile',
        folder: `${input.contentFolder}/${PROFILES_FOLDER}`,
        // The file is named after the person: the name is the profile's title.
        identifier_field: 'name',
        ...MARKDOWN_FILES,
        fields: profileForm(),
      },
    ],
  };
}

/** The `backend` block in Sveltia's own option names. */
function backendConfig(backend: CmsBackend): Backend {
  if (backend.name === 'test-repo') return { name: 'test-repo' };
  const common = {
    repo: backend.repo!,
    ...(backend.branch !== undefined && { branch: backend.branch }),
    ...(backend.apiRoot !== undefined && { api_root: backend.apiRoot }),
    ...(backend.baseUrl !== undefined && { base_url: backend.baseUrl }),
  };
  if (backend.name === 'github') return { name: 'github', ...common };
  if (backend.name === 'gitlab')
    return { name: 'gitlab', ...common, ...(backend.appId !== undefined && { auth_type: 'pkce' as const, app_id: backend.appId }) };
  return { name: 'gitea', ...common, ...(backend.appId !== undefined && { app_id: backend.appId }) };
}
