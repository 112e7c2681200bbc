import { createHash } from 'node:crypto';

/** What a social card shows. */
export interface CardContent {
  title: string;
  section: string;
  /** The publish time as the site writes it (`25/10/2024 19h13`). */
  date: string;
  publisher: string;
}

/** Satori's element shape: a plain object tree, no JSX needed. */
export interface CardElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | CardElement | (string | CardElement)[] };
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * The cache key of a card: the same content and drawing (`drawing`: the drawing code's digest, the packages'
 * names and versions) always give the same PNG, so it is drawn once.
 */
export function cardHash(content: CardContent, drawing: string): string {
  return createHash('sha256')
    .update(JSON.stringify([drawing, content.title, content.section, content.date, content.publisher]))
    .digest('hex')
    .slice(0, 32);
}

/** A solid bar: drawn as a box rather than a CSS border, which satori draws with clip paths and masks. */
function bar(style: Record<string, string | number>): CardElement {
  return { type: 'div', props: { style: { display: 'flex', ...style } } };
}

/**
 * The card: section label, headline, then publisher and date under a rule, in the site's colours. Long
 * headlines get a smaller size so that up to about 140 characters fit in 1200×630. The template keeps to
 * flat boxes and text, which is what makes a card cheap to draw (no borders, shadows or pictures).
 */
export function cardMarkup(content: CardContent, fontFamily: string): CardElement {
  const size = content.title.length > 100 ? 52 : content.title.length > 60 ? 62 : 74;
  return {
    type: 'div',
    props: {
      style: {
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '80px 64px 64px',
        boxSizing: 'border-box',
        backgroundColor: '#fdfcf9',
        color: '#1a1a1a',
        fontFamily,
      },
      children: [
        bar({ position: 'absolute', top: 0, left: 0, width: CARD_WIDTH, height: 16, backgroundColor: '#a3161b' }),
        {
          type: 'div',
          props: {
            style: { fontSize: 30, fontWeight: 700, color: '#a3161b', letterSpacing: 3, textTransform: 'uppercase' },
            children: content.section,
          },
        },
        {
          type: 'div',
          props: {
            style: { display: 'flex', width: CARD_WIDTH - 128, fontSize: size, fontWeight: 700, lineHeight: 1.15 },
            children: content.title,
          },
        },
        {
          type: 'div',
          props: {
            style: { display: 'flex', flexDirection: 'column', fontSize: 30 },
            children: [
              bar({ height: 3, backgroundColor: '#1a1a1a', marginBottom: 24 }),
              {
                type: 'div',
                props: {
                  style: { display: 'flex', justifyContent: 'space-between', color: '#55595f' },
                  children: [
                    { type: 'div', props: { style: { fontWeight: 700, color: '#1a1a1a' }, children: content.publisher } },
                    { type: 'div', props: { children: content.date } },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
  };
}
