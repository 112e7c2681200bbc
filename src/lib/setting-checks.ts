import { nearest } from './article/suggest.ts';

/**
 * Helpers for the settings checks (services, the editor): values shown safely in one-line messages, keys
 * that are not settings, and addresses that reach a Content-Security-Policy.
 */

/** How much of a value a message shows: enough to recognise it, not a pasted file. */
const SHOWN_LENGTH = 80;

/** Text on one line: line breaks, tabs and other invisible characters escaped, shortened. */
export function oneLine(text: string): string {
  const escaped = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (char) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[char] ?? `\\u{${char.codePointAt(0)!.toString(16)}}`;
  });
  return escaped.length > SHOWN_LENGTH ? `${escaped.slice(0, SHOWN_LENGTH)}…` : escaped;
}

/** A value as a message shows it: text in quotes, anything else as JSON (`5`, `["a"]`), on one line. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${oneLine(value)}"`;
  if (value === undefined) return 'nothing';
  return oneLine(JSON.stringify(value) ?? String(value));
}

/** An object of settings (not a list, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A line for each key that is not a setting, with the setting it is closest to, if any. */
export function unknownKeyProblems(where: string, value: object, known: readonly string[]): string[] {
  return Object.keys(value)
    .filter((key) => !known.includes(key))
    .map((key) => {
      const guess = nearest(key, known);
      return `${where}: ${shown(key)} is not a setting (${guess ? `did you mean "${guess}"? ` : ''}the settings are ${known.join(', ')})`;
    });
}

/**
 * How an address is written: `origin` is exactly `https://host[:port]` (a trailing `/` allowed), `url` an
 * https address whose origin is written that way, with a path or without.
 */
export type AddressForm = 'origin' | 'url';

/** One host name: letters, digits and hyphens between dots (punycode for other scripts). */
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

// The URL parser drops tabs and line breaks, and a policy splits at `;` and `,` and spaces: none may reach it.
const NOT_IN_ORIGIN = /[\s"'`;,*<>\\\p{Cc}\p{Cf}]/u;
const NOT_IN_URL = /[\s"'`<>\\\p{Cc}\p{Cf}]/u;

/**
 * What is wrong with an address a policy is made from, as the end of a message (`"…" is not …`), or
 * undefined. `example` is shown with each refusal.
 */
export function addressProblem(value: unknown, form: AddressForm, example: string): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value) || new URL(value).protocol !== 'https:')
    return `${shown(value)} is not an https address (e.g. ${example})`;
  const url = new URL(value);
  if ((form === 'origin' ? NOT_IN_ORIGIN : NOT_IN_URL).test(value) || !HOST.test(url.hostname))
    return `${shown(value)} must name one host in letters, digits, dots and hyphens, without a wildcard, space, quote, ; or , (e.g. ${example})`;
  if (form === 'origin') {
    if (value === url.origin || value === `${url.origin}/`) return undefined;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
      return `${shown(value)} must be an origin only, without a path (e.g. ${url.origin})`;
    return `${shown(value)} must be written as browsers read it: ${url.origin}`;
  }
  const written = `${url.origin}${url.pathname}${url.search}${url.hash}`;
  return value === written || value === url.origin ? undefined : `${shown(value)} must be written as browsers read it: ${written}`;
}

/** The origin of an address that passed `addressProblem`; anything else is refused, never written into a policy. */
export function checkedOrigin(value: unknown, form: AddressForm): string {
  const problem = addressProblem(value, form, 'https://stats.example.org');
  if (problem) throw new Error(`${problem}: the settings check should have refused it`);
  return new URL(value as string).origin;
}
