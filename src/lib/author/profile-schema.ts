import { z } from 'astro/zod';

/**
 * An author profile's frontmatter (`content/authors/ana-lima.md`): who the person is. The body below it is
 * the bio, in Markdown. Values are never coerced, as in articles.
 */
const text = z.string().trim().min(1);

/** The folder of the content folder that holds author profiles, not articles (`authors` is no section's name). */
export const PROFILES_FOLDER = 'authors';

export const profileSchema = z.looseObject({
  /** The name as bylines write it: the profile belongs to every byline with the same page (`/authors/ana-lima/`). */
  name: text,
  /** Job title shown under the name and given to search engines (`jobTitle`). */
  role: text.optional(),
  /** Portrait file next to the profile (`./ana-lima.jpg`). */
  photo: text.optional(),
  /** Text alternative of the portrait; the name when absent (a portrait shows the person it names). */
  photoAlt: text.optional(),
  /** The person's pages elsewhere (https, or mailto: for an address): shown as links and given as `sameAs`. */
  links: z.array(text).default([]),
});

export type ProfileFrontmatter = z.output<typeof profileSchema>;

/** The fields a profile knows, for "unknown field" warnings and "did you mean" suggestions. */
export const PROFILE_FIELDS = ['name', 'role', 'photo', 'photoAlt', 'links'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What each field expects, written for the newsroom: the hint under every error. */
export const PROFILE_HELP: Record<ProfileField, string> = {
  name: 'the name as bylines write it, e.g. name: Ana Lima',
  role: 'a job title in text, e.g. role: Political correspondent',
  photo: 'a path to a portrait next to the profile, e.g. photo: ./ana-lima.jpg',
  photoAlt: 'a description of the portrait, e.g. photoAlt: "Ana Lima in the newsroom"',
  links: 'a list of web addresses, e.g. links: [https://mastodon.social/@analima, mailto:ana@example.org]',
};
