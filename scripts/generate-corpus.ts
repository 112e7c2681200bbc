// `node scripts/generate-corpus.ts --articles N --out DIR`: a deterministic synthetic newsroom for
// benchmarks. 8 sections (folders), 3–6 tags from a pool of about N/10 with long-tailed popularity,
// 500–900-word bodies with headings, lists, links and quotes, dates over three years. Fixed seed.
// Every 100th story is live coverage (its headings are dated updates), and each of the 40 reporters has a
// profile in authors/: features a newsroom uses, added without changing any other file of the corpus.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { random } from './synthetic-related-corpus.ts';

const REPORTERS = 40;
const SECTIONS = ['world', 'politics', 'business', 'technology', 'science', 'culture', 'sport', 'health'];
const WORDS = (
  'government minister said report officials city council market prices energy election vote parliament court ' +
  'company workers union strike talks agreement border troops ceasefire climate summit scientists study research ' +
  'hospital patients doctors school teachers students festival film music museum players match season coach'
).split(' ');

export function generateCorpus(count: number, out: string): void {
  const next = random(8_675_309);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const pool = Math.max(10, Math.round(count / 10));
  const tagName = (i: number) => `Topic ${i} ${pick(WORDS)}`.replace(/ \w+$/, (w) => w);
  const tagNames = Array.from({ length: pool }, (_, i) => tagName(i));
  const zipf = () => Math.min(pool - 1, Math.floor(Math.exp(next() * Math.log(pool + 1))) - 1);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 12) }, () => pick(WORDS));
    return `${words.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 3) }, sentence).join(' ');
  rmSync(out, { recursive: true, force: true });
  for (const section of SECTIONS) mkdirSync(path.join(out, section), { recursive: true });
  const start = Date.UTC(2022, 0, 1);
  mkdirSync(path.join(out, 'authors'));
  for (let reporter = 0; reporter < REPORTERS; reporter++) {
    const profile = [
      `name: Reporter ${reporter}`,
      `role: Correspondent, desk ${reporter % 8}`,
      `links: [https://example.org/reporter-${reporter}]`,
    ];
    writeFileSync(
      path.join(out, 'authors', `reporter-${reporter}.md`),
      `---\n${profile.join('\n')}\n---\n\nReporter ${reporter} covers the desk.\n`,
    );
  }
  for (let i = 0; i < count; i++) {
    const tags = new Set<string>();
    const wanted = 3 + Math.floor(next() * 4);
    while (tags.size < wanted) tags.add(tagNames[zipf()]!);
    const date = new Date(start + Math.floor(next() * 3 * 365 * 86_400_000)).toISOString().slice(0, 19);
    const live = i % 100 === 50;
    // A live story's headings are its updates, an hour apart after its date; its coverage ended at the last.
    let lastUpdate = '';
    const heading = (n: number, text: string) => {
      if (!live) return `## ${text}`;
      lastUpdate = new Date(Date.parse(`${date}Z`) + n * 3_600_000).toISOString().slice(0, 16);
      return `## ${lastUpdate.replace('T', ' ')} ${text}`;
    };
    const body: string[] = [];
    const target = 500 + Math.floor(next() * 400);
    for (let words = 0, n = 0; words < target; n++) {
      const block =
        n % 5 === 2
          ? heading(n, sentence().slice(0, -1))
          : n % 7 === 3
            ? `- ${sentence()}\n- ${sentence()}\n- ${sentence()}`
            : n % 9 === 4
              ? `> ${sentence()}`
              : `${paragraph()} [More](https://example.org/${i}/${n}).`;
      words += block.split(/\s+/).length;
      body.push(block);
    }
    const slug = `article-${String(i).padStart(6, '0')}`;
    const front = [
      `title: "${sentence().slice(0, -1)} ${i}"`,
      `date: ${date}`,
      `tags: [${[...tags].join(', ')}]`,
      `authors: Reporter ${i % REPORTERS}`,
      `description: ${sentence()}`,
      ...(live ? ['type: live', ...(lastUpdate ? [`coverageEnd: ${lastUpdate}`] : [])] : []),
    ];
    writeFileSync(path.join(out, pick(SECTIONS), `${slug}.md`), `---\n${front.join('\n')}\n---\n\n${body.join('\n\n')}\n`);
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { articles: { type: 'string', default: '1000' }, out: { type: 'string', default: 'bench-results/corpus' } },
  });
  generateCorpus(Number(values.articles), path.resolve(values.out));
  console.log(`wrote ${values.articles} articles to ${values.out}`);
}
