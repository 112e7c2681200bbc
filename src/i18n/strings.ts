/**
 * Interface strings, one dictionary per language. Pages never hard-code reader-facing words; the site
 * configuration's `locale` picks the dictionary by its language part (`en-GB` → `en`, `fr-FR` → `fr`).
 */
const en = {
  skipToContent: 'Skip to content',
  sections: 'Sections',
  home: 'Home',
  breadcrumb: 'Breadcrumb',
  frontPage: 'Front page',
  topStories: 'Top stories',
  latest: 'Latest',
  by: 'By',
  updated: 'Updated',
  correction: 'Correction',
  published: 'Published',
  minRead: (minutes: number) => `${minutes} min read`,
  tags: 'Tags',
  related: 'Related',
  moreIn: (section: string) => `More in ${section}`,
  sharedTags: 'Shared topics',
  pagination: 'Pages',
  newer: 'Newer',
  older: 'Older',
  pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
  articles: (count: number) => (count === 1 ? '1 article' : `${count} articles`),
  kind: { section: 'Section', tag: 'Tag', author: 'Author', year: 'Archive', month: 'Archive' },
  allSections: 'All sections',
  allTags: 'All tags',
  authors: 'Authors',
  archive: 'Archive',
  about: 'About',
  feeds: 'RSS feed',
  search: 'Search',
  searchLabel: 'Search the archive',
  sortBy: 'Order',
  newestFirst: 'Newest first',
  mostRelevant: 'Most relevant',
  any: 'All',
  searchNeedsJs: 'Search needs JavaScript. Browse the sections, tags and archive instead.',
  searchNoIndex: 'The search index is not built yet: run npm run build, then reload.',
  resultsFor: '{count} results for “{query}”',
  moreLinks: 'More',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for does not exist or has moved.',
  goHome: 'Go to the front page',
  orBrowse: 'Or browse a section:',
};

type Strings = typeof en;

const fr: Strings = {
  skipToContent: 'Aller au contenu',
  sections: 'Rubriques',
  home: 'Accueil',
  breadcrumb: "Fil d'Ariane",
  frontPage: 'À la une',
  topStories: 'Les principales informations',
  latest: 'Dernières informations',
  by: 'Par',
  updated: 'Mis à jour le',
  correction: 'Rectificatif',
  published: 'Publié le',
  minRead: (minutes) => `${minutes} min de lecture`,
  tags: 'Mots-clés',
  related: 'Sur le même sujet',
  moreIn: (section) => `Plus dans ${section}`,
  sharedTags: 'Sujets communs',
  pagination: 'Pages',
  newer: 'Plus récents',
  older: 'Plus anciens',
  pageOf: (page, total) => `Page ${page} sur ${total}`,
  articles: (count) => (count <= 1 ? `${count} article` : `${count} articles`),
  kind: { section: 'Rubrique', tag: 'Mot-clé', author: 'Auteur', year: 'Archives', month: 'Archives' },
  allSections: 'Toutes les rubriques',
  allTags: 'Tous les mots-clés',
  authors: 'Auteurs',
  archive: 'Archives',
  about: 'À propos',
  feeds: 'Flux RSS',
  search: 'Rechercher',
  searchLabel: 'Rechercher dans les archives',
  sortBy: 'Ordre',
  newestFirst: 'Plus récents d’abord',
  mostRelevant: 'Plus pertinents',
  any: 'Tous',
  searchNeedsJs: 'La recherche nécessite JavaScript. Parcourez plutôt les rubriques, les mots-clés et les archives.',
  searchNoIndex: 'L’index de recherche n’est pas encore construit : lancez npm run build, puis rechargez.',
  resultsFor: '{count} résultats pour « {query} »',
  moreLinks: 'Plus',
  notFoundTitle: 'Page introuvable',
  notFoundText: "La page demandée n'existe pas ou a été déplacée.",
  goHome: "Aller à la page d'accueil",
  orBrowse: 'Ou parcourir une rubrique :',
};

const dictionaries: Record<string, Strings> = { en, fr };

/** The dictionary of a locale; English when the language has none. */
export function stringsFor(locale: string): Strings {
  return dictionaries[locale.split('-')[0]!.toLowerCase()] ?? en;
}

/** Languages with a dictionary, for tests and the configuration's documentation. */
export const LANGUAGES = Object.keys(dictionaries);
