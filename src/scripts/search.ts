/**
 * The search page's script: Pagefind queries the static index in the browser. The query, order and
 * filters live in the URL (`?q=kursk&sort=date&section=World`), so a search can be linked and the back
 * button works. Results are built as DOM nodes, never from HTML strings, except Pagefind's <mark> tags.
 *
 * The index is one Pagefind index per year (`pagefind/<year>/`, newest first in `pagefind/shards.json`; see
 * src/integrations/search-shards.ts), merged here: the newest year's Pagefind loads the others with
 * `mergeIndex`, which shares its WebAssembly and merges filters and relevance scores.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; section?: string };
}
type Filters = Record<string, string>;
interface PagefindSearch {
  results: { data(): Promise<PagefindResultData> }[];
  /** How many of the results have each filter value. */
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  mergeIndex(indexPath: string, options: { baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: { filters?: Filters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch>;
}

const PAGE_SIZE = 20;
/** The form's filters, each a Pagefind filter of the article pages (ArticleView.astro). */
const FILTERS = ['section', 'tag', 'year'] as const;

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('.search-results');
  if (!form || !status || !list) return;
  const base = form.dataset.base ?? '/';
  status.textContent = '';
  form.querySelector<HTMLElement>('.search-options')!.hidden = false;

  let index: { pagefind: Pagefind; years: string[] } | undefined;
  try {
    index = await loadIndex(base);
  } catch {
    status.textContent = status.dataset.noIndex ?? '';
    return;
  }
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  const filterValues = (await index?.pagefind.filters()) ?? {};
  fillFilter(field('section') as HTMLSelectElement, filterValues['section'], (a, b) => a.localeCompare(b));
  fillFilter(field('tag') as HTMLSelectElement, filterValues['tag'], (a, b) => a.localeCompare(b));
  fillFilter(field('year') as HTMLSelectElement, filterValues['year'], (a, b) => Number(b) - Number(a));

  // `restore`: set every field from the URL (back and forward); otherwise only the fields the URL names,
  // so a query typed while the page was loading is not wiped out.
  // Searches can overlap (a filter changed while the last search still loads its years): only the latest shows.
  let latest = 0;
  const run = async (restore = true) => {
    const ticket = ++latest;
    const params = new URL(location.href).searchParams;
    for (const name of ['q', 'sort', ...FILTERS]) {
      if (restore || params.has(name)) field(name).value = params.get(name) ?? (name === 'sort' ? 'date' : '');
    }
    const query = params.get('q')?.trim() ?? '';
    const filters: Filters = {};
    for (const name of FILTERS) if (params.get(name)) filters[name] = params.get(name)!;
    list.replaceChildren();
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = '';
      return;
    }
    const found = index
      ? await find(index.pagefind, index.years, query || null, filters, params.get('sort') !== 'relevance')
      : { count: 0, shown: [] };
    const results = await Promise.all(found.shown.map((result) => result.data()));
    if (ticket !== latest) return;
    status.textContent = (list.dataset.resultsLabel ?? status.dataset.resultsLabel ?? '{count}')
      .replace('{count}', String(found.count))
      // A function, so that `$&`, `$'` and the like in a query are not read as replacement patterns.
      .replace('{query}', () => query);
    list.replaceChildren(...results.map(renderResult));
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(form);
    void run();
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLElement).tagName !== 'SELECT') return;
    navigate(form);
    void run();
  });
  window.addEventListener('popstate', () => void run());
  await run(false);
  form.dataset.ready = '';
}

/** Puts the form's state in the URL (a new history entry), leaving empty fields out. */
function navigate(form: HTMLFormElement): void {
  const url = new URL(location.href);
  url.search = '';
  for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value.trim()) url.searchParams.set(name, value.trim());
  history.pushState(null, '', url);
}

function fillFilter(select: HTMLSelectElement, counts: Record<string, number> = {}, order: (a: string, b: string) => number): void {
  for (const value of Object.keys(counts).sort(order)) select.append(new Option(`${value} (${counts[value]})`, value));
}

/** Loads the year indexes, newest first; none when the site has no article yet. */
async function loadIndex(base: string): Promise<{ pagefind: Pagefind; years: string[] } | undefined> {
  // Revalidated: a copy kept from before a deploy could name a year that is gone.
  const response = await fetch(`${base}pagefind/shards.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`no search index (${response.status})`);
  const years = ((await response.json()) as unknown[]).filter((year): year is string => typeof year === 'string' && /^\d+$/.test(year));
  const [newest, ...older] = years;
  if (newest === undefined) return undefined;
  const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/${newest}/pagefind.js`)) as Pagefind;
  await pagefind.options({ baseUrl: base });
  // A year that fails to load leaves the others searchable.
  const merged = await Promise.allSettled(older.map((year) => pagefind.mergeIndex(`${base}pagefind/${year}/`, { baseUrl: base })));
  return { pagefind, years: [newest, ...older.filter((_, i) => merged[i]!.status === 'fulfilled')] };
}

/**
 * The number of results and the first page of them, most relevant or newest first. Pagefind merges years by
 * score, and under a sort a result's score is its place within its own year, so newest first is asked of one
 * year at a time, newest year first, until a page is full: years hold no overlapping dates.
 */
async function find(
  pagefind: Pagefind,
  years: readonly string[],
  query: string | null,
  filters: Filters,
  newestFirst: boolean,
): Promise<{ count: number; shown: PagefindSearch['results'] }> {
  const all = await pagefind.search(query, { filters });
  if (!newestFirst) return { count: all.results.length, shown: all.results.slice(0, PAGE_SIZE) };
  const shown: PagefindSearch['results'] = [];
  for (const year of years) {
    if (shown.length >= PAGE_SIZE) break;
    if (!all.filters['year']?.[year]) continue;
    const inYear = await pagefind.search(query, { filters: { ...filters, year }, sort: { date: 'desc' } });
    shown.push(...inYear.results.slice(0, PAGE_SIZE - shown.length));
  }
  return { count: all.results.length, shown };
}

function renderResult(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [data.meta.section, data.meta.date].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'excerpt';
  excerpt.append(...highlighted(data.excerpt));
  item.append(heading, meta, excerpt);
  return item;
}

/** Pagefind's excerpt is escaped text with <mark> around matches: rebuild it as text nodes and <mark>s. */
function highlighted(excerpt: string): Node[] {
  // Parsed after <body>: before it, the HTML parser drops the spaces a part starts with ("Kursk</mark> region").
  const text = (s: string) => document.createTextNode(new DOMParser().parseFromString(`<body>${s}`, 'text/html').body.textContent ?? '');
  return excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    const match = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!match) return text(part);
    const mark = document.createElement('mark');
    mark.append(text(match[1]!));
    return mark;
  });
}
