import { z } from 'astro/zod';
import type { ParsedProfile } from './read-profile.ts';

/**
 * An author profile as kept in Astro's content store. The portrait's schema is a parameter because Astro's
 * `image()` helper, which turns `./ana-lima.jpg` into an optimisable asset, only exists in `content.config.ts`.
 */
export function createStoredProfileSchema<Image extends z.ZodType>(imageSource: Image) {
  return z.object({
    slug: z.string(),
    file: z.string(),
    name: z.string(),
    role: z.string().optional(),
    photo: z.object({ src: imageSource, alt: z.string() }).optional(),
    links: z.array(z.object({ url: z.string(), label: z.string() })),
    bioHtml: z.string(),
    bioExcerpt: z.string(),
  });
}

/** Compile-time guard: the store keeps exactly the fields the reader returns. */
type Mirror = z.input<ReturnType<typeof createStoredProfileSchema<z.ZodString>>>;
type SameKeys = [keyof Mirror] extends [keyof ParsedProfile] ? ([keyof ParsedProfile] extends [keyof Mirror] ? true : false) : false;
export const storedSchemaMatchesParsedProfile: [ParsedProfile] extends [Mirror] ? SameKeys : false = true;
