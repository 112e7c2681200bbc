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

/** Bumped when the card's look changes, so cached cards are drawn again. */
const CARD_VERSION = 1;

/** The cache key of a card: the same content (and look) always gives the same PNG, so it is drawn once. */
export function cardHash(content: CardContent): string {
  return createHash('sha256')
    .update(JSON.stringify([CARD_VERSION, content.title, content.section, content.date, content.publisher]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * The card: section label, headline, then publisher and date under a rule, in the site's colours. Long
 * headlines get a smaller size so that up to about 140 characters fit in 1200×630.
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
        padding: 64,
        boxSizing: 'border-box',
        backgroundColor: '#fdfcf9',
        color: '#1a1a1a',
        fontFamily,
        borderTop: '16px solid #a3161b',
      },
      children: [
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
            style: {
              display: 'flex',
              justifyContent: 'space-between',
              fontSize: 30,
              color: '#55595f',
              borderTop: '3px solid #1a1a1a',
              paddingTop: 24,
            },
            children: [
              { type: 'div', props: { style: { fontWeight: 700, color: '#1a1a1a' }, children: content.publisher } },
              { type: 'div', props: { children: content.date } },
            ],
          },
        },
      ],
    },
  };
}
