import { site } from '../site.config.ts';
import { stringsFor } from './strings.ts';

/** The site's interface strings, in the configured language. */
export const t = stringsFor(site.locale);
