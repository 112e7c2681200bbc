import { toSlug } from '../slug.ts';
import { nearest } from './suggest.ts';

/**
 * Sections are a configured list (`sections` in src/site.config.ts): a misspelt `section: Wolrd` or a
 * stray folder would otherwise add a section to every page's navigation. This module names a file's section
 * and says what is wrong when it is not one of the list.
 */

/** Why a file's section is not one of the configured list, as a message and its fix. */
export interface UnknownSection {
  message: string;
  hint: string;
}

/** The configured section with the same URL as `name` (so `categories: culture` is shown as "Culture"). */
export function configuredSection(name: string, sections: readonly string[]): string | undefined {
  return slugsOf(sections).get(toSlug(name));
}

/** The configured sections by URL slug, made once per list rather than for every article. */
const bySlug = new WeakMap<readonly string[], Map<string, string>>();
function slugsOf(sections: readonly string[]): Map<string, string> {
  let map = bySlug.get(sections);
  if (!map) {
    // The first section of a slug wins, as `find` would: the settings check refuses two anyway.
    map = new Map();
    for (const section of [...sections].reverse()) map.set(toSlug(section), section);
    bySlug.set(sections, map);
  }
  return map;
}

/** The section a file's folder names: the configured spelling, else the folder name made readable. */
export function folderSection(folder: string, sections: readonly string[]): string {
  const configured = configuredSection(folder, sections);
  if (configured) return configured;
  const words = folder.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The problem with a section that is not configured, or undefined when it is. `written` is the `section:`
 * value when the file gives one (it wins over the folder), `folder` the file's first folder.
 */
export function unknownSection(
  written: string | undefined,
  folder: string | undefined,
  sections: readonly string[],
): UnknownSection | undefined {
  const name = written ?? folder;
  if (name === undefined || configuredSection(name, sections)) return undefined;
  const guess = nearest(name, sections) ?? nearest(toSlug(name), sections.map(toSlug));
  const list = `the sections are ${sections.join(', ')}`;
  if (written !== undefined) {
    const didYouMean = guess ? `did you mean "${configuredSection(guess, sections)}"? ` : '';
    return {
      message: `"${written}" is not one of the newsroom's sections`,
      hint: `${didYouMean}${list}; a new section is one line in sections in src/site.config.ts`,
    };
  }
  const didYouMean = guess ? `did you mean ${toSlug(guess)}/? ` : '';
  return {
    message: `the folder ${folder}/ is not one of the newsroom's sections`,
    hint: `${didYouMean}${list}: move the file into one of their folders (or set section:), or add "${folderSection(folder!, sections)}" to sections in src/site.config.ts`,
  };
}
