/**
 * Interface strings, one dictionary per language. Pages never hard-code reader-facing words; the site
 * configuration's `locale` picks the dictionary (by its language part: `en-GB` → `en`).
 */
const en = {
  skipToContent: 'Skip to content',
  sections: 'Sections',
  latest: 'Latest news',
  by: 'By',
  and: 'and',
  updated: 'Updated',
  published: 'Published',
  minRead: (minutes: number) => `${minutes} min read`,
  tags: 'Tags',
  related: 'Related',
  moreIn: (section: string) => `More in ${section}`,
  sharedTags: 'Shared topics',
  home: 'Home',
};

type Strings = typeof en;

const fr: Strings = {
  skipToContent: 'Aller au contenu',
  sections: 'Rubriques',
  latest: 'Dernières informations',
  by: 'Par',
  and: 'et',
  updated: 'Mis à jour le',
  published: 'Publié le',
  minRead: (minutes) => `${minutes} min de lecture`,
  tags: 'Mots-clés',
  related: 'Sur le même sujet',
  moreIn: (section) => `Plus dans ${section}`,
  sharedTags: 'Sujets communs',
  home: 'Accueil',
};

const dictionaries: Record<string, Strings> = { en, fr };

export function stringsFor(locale: string): Strings {
  return dictionaries[locale.split('-')[0]!.toLowerCase()] ?? en;
}
