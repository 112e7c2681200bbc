/**
 * The search page's script: Pagefind queries the static index in the browser. The query, order and
 * filters live in the URL (`?q=kursk&sort=date&section=World`), so a search can be linked and the back
 * button works. Results are built as DOM nodes, never from HTML strings, except Pagefind's <mark> tags.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string; section?: string };
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(
    query: string | null,
    options: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const PAGE_SIZE = 20;

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.search-form');
  const status = document.querySelector<HTMLElement>('.search-status');
  const list = document.querySelector<HTMLOListElement>('.search-results');
  if (!form || !status || !list) return;
  const base = form.dataset.base ?? '/';
  status.textContent = '';
  form.querySelector<HTMLElement>('.search-options')!.hidden = false;

  let pagefind: Pagefind;
  try {
    pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await pagefind.options({ baseUrl: base });
  } catch {
    status.textContent = status.dataset.noIndex ?? '';
    return;
  }
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;
  await fillFilters(pagefind, field('section') as HTMLSelectElement, 'section');
  await fillFilters(pagefind, field('tag') as HTMLSelectElement, 'tag');

  // `restore`: set every field from the URL (back and forward); otherwise only the fields the URL names,
  // so a query typed while the page was loading is not wiped out.
  const run = async (restore = true) => {
    const params = new URL(location.href).searchParams;
    for (const name of ['q', 'sort', 'section', 'tag']) {
      if (restore || params.has(name)) field(name).value = params.get(name) ?? (name === 'sort' ? 'date' : '');
    }
    const query = params.get('q')?.trim() ?? '';
    const filters: Record<string, string> = {};
    for (const name of ['section', 'tag']) if (params.get(name)) filters[name] = params.get(name)!;
    list.replaceChildren();
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = '';
      return;
    }
    const sort = params.get('sort') === 'relevance' ? undefined : { date: 'desc' as const };
    const search = await pagefind.search(query || null, { filters, ...(sort && { sort }) });
    const results = await Promise.all(search.results.slice(0, PAGE_SIZE).map((result) => result.data()));
    status.textContent = (list.dataset.resultsLabel ?? status.dataset.resultsLabel ?? '{count}')
      .replace('{count}', String(search.results.length))
      .replace('{query}', query);
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

async function fillFilters(pagefind: Pagefind, select: HTMLSelectElement, name: string): Promise<void> {
  const values = (await pagefind.filters())[name] ?? {};
  for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b))) {
    select.append(new Option(`${value} (${values[value]})`, value));
  }
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
  const text = (s: string) => document.createTextNode(new DOMParser().parseFromString(s, 'text/html').documentElement.textContent ?? '');
  return excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    const match = /^<mark>(.*)<\/mark>$/.exec(part);
    if (!match) return text(part);
    const mark = document.createElement('mark');
    mark.append(text(match[1]!));
    return mark;
  });
}
