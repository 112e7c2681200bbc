import { describe, expect, it } from 'vitest';
import { addressProblem, shown, unknownKeyProblems } from '../../src/lib/setting-checks.ts';

describe('settings check helpers', () => {
  it('should show any value on one line: invisible characters escaped, long text shortened, other types as JSON', () => {
    expect(shown('a\r\nb\tc\u202ed\u2028')).toBe('"a\\r\\nb\\tc\\u{202e}d\\u{2028}"');
    expect(shown('x'.repeat(100))).toBe(`"${'x'.repeat(80)}…"`);
    expect(shown(5)).toBe('5');
    expect(shown(['a'])).toBe('["a"]');
    expect(shown(null)).toBe('null');
    expect(shown(undefined)).toBe('nothing');
  });

  it('should name a key that is not a setting, and the setting it is close to', () => {
    expect(unknownKeyProblems('x', { imgaes: [], name: 'A', colour: 1 }, ['name', 'images'])).toEqual([
      'x: "imgaes" is not a setting (did you mean "images"? the settings are name, images)',
      'x: "colour" is not a setting (the settings are name, images)',
    ]);
  });

  it('should accept an origin only exactly as written by browsers, and a url only with such an origin', () => {
    expect(addressProblem('https://a.example.org:8443/', 'origin', 'e')).toBeUndefined();
    expect(addressProblem('https://a.example.org/x.js?v=1', 'url', 'e')).toBeUndefined();
    expect(addressProblem('https://a.example.org/x.js', 'origin', 'e')).toBe(
      '"https://a.example.org/x.js" must be an origin only, without a path (e.g. https://a.example.org)',
    );
    expect(addressProblem('https://a.example.org\\x.js', 'url', 'e')).toMatch(/must name one host/);
    expect(addressProblem('https://a.example.org/./x.js', 'url', 'e')).toBe(
      '"https://a.example.org/./x.js" must be written as browsers read it: https://a.example.org/x.js',
    );
    expect(addressProblem('https://[::1]', 'origin', 'e')).toMatch(/must name one host/);
  });
});
