import type { EntryCollection, Field } from '@sveltia/cms';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/lib/article/parse.ts';
import { ARTICLE_TYPES, KNOWN_FIELDS } from '../../src/lib/article/schema.ts';
import { cmsConfig, PROFILES_COLLECTION, TOP_LEVEL_COLLECTION, type CmsConfigInput } from '../../src/lib/cms/config.ts';
import { PROFILE_FIELDS } from '../../src/lib/author/profile-schema.ts';
import { FORM_LIMITS } from '../../src/lib/cms/fields.ts';
import { toSlug } from '../../src/lib/slug.ts';

const input: CmsConfigInput = {
  cms: { backend: { name: 'github', repo: 'newsroom/dateline', branch: 'main' } },
  publisher: 'The Paper',
  sections: ['World', 'Crime & Courts', 'Sport'],
  timeZone: 'Europe/Paris',
  siteAddress: 'https://paper.example/news/',
  contentFolder: 'content',
};

/** The story collections (the author profiles' collection is tested on its own). */
const collections = (config = cmsConfig(input)) =>
  (config.collections as EntryCollection[]).filter((collection) => collection.name !== PROFILES_COLLECTION);
const profiles = (config = cmsConfig(input)) => (config.collections as EntryCollection[]).find((c) => c.name === PROFILES_COLLECTION)!;
const field = (collection: EntryCollection, name: string) =>
  collection.fields.find((f) => f.name === name) as Field & Record<string, unknown>;

describe('the editor configuration', () => {
  it('should give every collection a widget for every field of the article schema, and the body, each once', () => {
    const expected = [...KNOWN_FIELDS, 'body'].sort();
    for (const collection of collections()) {
      const names = collection.fields.map((f) => f.name);
      expect(names.toSorted(), collection.name).toEqual(expected);
      expect(new Set(names).size, collection.name).toBe(names.length);
    }
  });

  it('should give author profiles a collection of their folder, with a widget for every profile field and the bio', () => {
    const collection = profiles();
    expect(collection).toMatchObject({
      folder: 'content/authors',
      path: '{{slug}}',
      identifier_field: 'name',
      media_folder: '',
      public_folder: '',
    });
    expect(collection.fields.map((f) => f.name).toSorted()).toEqual([...PROFILE_FIELDS, 'body'].sort());
    expect(field(collection, 'photo')).toMatchObject({ widget: 'image', choose_url: false });
    // No story collection lists the profiles: the top-level one holds only the files directly in content/.
    expect(collections().map((c) => c.folder)).not.toContain('content/authors');
  });

  it('should list each field the form cannot hold in every form the schema accepts, with the reason, and nothing else', () => {
    expect(Object.keys(FORM_LIMITS)).toEqual(['featured']);
    for (const reason of Object.values(FORM_LIMITS)) expect(reason.length).toBeGreaterThan(40);
    // The date form of `featured` is what a tick box cannot hold.
    expect(field(collections()[0]!, 'featured').widget).toBe('boolean');
  });

  it('should make a collection per configured section in its folder, and one for the files at the top of the content folder', () => {
    expect(collections().map(({ name, label, folder }) => [name, label, folder])).toEqual([
      ['world', 'World', 'content/world'],
      ['crime-courts', 'Crime & Courts', 'content/crime-courts'],
      ['sport', 'Sport', 'content/sport'],
      [TOP_LEVEL_COLLECTION, 'Other stories', 'content'],
    ]);
    // No section's slug can be the top-level collection's name.
    expect(toSlug(TOP_LEVEL_COLLECTION)).not.toBe(TOP_LEVEL_COLLECTION);
  });

  it("should save pictures beside the article, and list only a folder's own files", () => {
    for (const collection of collections()) {
      expect(collection.media_folder).toBe('');
      expect(collection.public_folder).toBe('');
      expect(collection.path).toBe('{{slug}}');
      expect(field(collection, 'image')).toMatchObject({ widget: 'image', choose_url: false });
    }
  });

  it("should offer the configured sections and the schema's types, require a section only outside a section folder", () => {
    const [world, , , top] = collections();
    expect(field(world!, 'section')).toMatchObject({ widget: 'select', options: input.sections, required: false });
    expect(field(top!, 'section')).toMatchObject({ widget: 'select', options: input.sections, required: true });
    expect(field(world!, 'type')).toMatchObject({ widget: 'select', options: [...ARTICLE_TYPES], required: false });
  });

  it('should keep drafts as drafts without unpublishing old stories: draft defaults to false, and no other default is written', () => {
    for (const collection of collections()) {
      const defaults = collection.fields.filter((f) => 'default' in f).map((f) => [f.name, (f as { default: unknown }).default]);
      expect(defaults, collection.name).toEqual([['draft', false]]);
      expect(collection.view_filters).toEqual([{ name: 'drafts', label: 'Drafts', field: 'draft', pattern: true }]);
    }
  });

  it('should write empty optional fields as nothing, and date-times without an offset, read in the newsroom zone', () => {
    const config = cmsConfig(input);
    expect(config.output).toEqual({ omit_empty_optional_fields: true });
    const dates = collections(config)[0]!.fields.filter((f) => f.widget === 'datetime');
    expect(dates.map((f) => f.name)).toEqual(['date', 'updated', 'expires', 'coverageEnd']);
    for (const date of dates) expect(date).toMatchObject({ format: 'YYYY-MM-DDTHH:mm:ss', hint: expect.stringContaining('Europe/Paris') });
    expect(field(collections(config)[0]!, 'corrections').fields).toEqual([
      expect.objectContaining({ name: 'date', widget: 'datetime', format: 'YYYY-MM-DDTHH:mm:ss' }),
      expect.objectContaining({ name: 'text', widget: 'text' }),
    ]);
  });

  it('should write what the form saves in a form the article schema accepts', () => {
    // What Sveltia wrote for a new story in the browser test, with these settings.
    const saved =
      '---\ntitle: Ceasefire talks resume\ndraft: true\ndate: 2024-10-28T09:30:00\nimage: talks.jpg\nimageAlt: Delegates\nfeatured: false\n---\n\nNegotiators met again on Monday.\n';
    const { article, problems } = parseArticle(
      { file: 'content/world/talks.md', relPath: 'world/talks.md', bytes: new TextEncoder().encode(saved) },
      { timeZone: input.timeZone, sections: input.sections },
    );
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ draft: true, section: 'World', image: { src: 'talks.jpg', alt: 'Delegates' } });
  });

  it("should name the repository host in Sveltia's own option names", () => {
    expect(cmsConfig(input).backend).toEqual({ name: 'github', repo: 'newsroom/dateline', branch: 'main' });
    expect(cmsConfig({ ...input, cms: { backend: { name: 'test-repo' } } }).backend).toEqual({ name: 'test-repo' });
    expect(
      cmsConfig({
        ...input,
        cms: { backend: { name: 'gitlab', repo: 'desk/site', apiRoot: 'https://git.example.org/api/v4', appId: 'abc' } },
      }).backend,
    ).toEqual({ name: 'gitlab', repo: 'desk/site', api_root: 'https://git.example.org/api/v4', auth_type: 'pkce', app_id: 'abc' });
    expect(
      cmsConfig({ ...input, cms: { backend: { name: 'gitea', repo: 'desk/site', baseUrl: 'https://codeberg.org' } } }).backend,
    ).toEqual({
      name: 'gitea',
      repo: 'desk/site',
      base_url: 'https://codeberg.org',
    });
    expect(cmsConfig(input).publish_mode).toBeUndefined();
    expect(cmsConfig({ ...input, cms: { ...input.cms, editorialWorkflow: true } }).publish_mode).toBe('editorial_workflow');
  });

  it('should be the same object for the same settings (the build writes it byte for byte the same)', () => {
    expect(JSON.stringify(cmsConfig(input))).toBe(JSON.stringify(cmsConfig({ ...input, sections: [...input.sections] })));
  });
});
