import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasBody, pruneBodies, readBody, writeBody } from '../../src/build/body-files.ts';

describe('body files', () => {
  it('keeps a body under its digest and reads it back byte for byte', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'bodies-')), 'dateline-bodies');
    expect(hasBody(dir, 'abc')).toBe(false);
    writeBody(dir, 'abc', '<p>Café — “quoted”</p>');
    expect(hasBody(dir, 'abc')).toBe(true);
    expect(readBody(dir, 'abc')).toBe('<p>Café — “quoted”</p>');
    writeBody(dir, 'abc', '<p>again</p>');
    expect(readBody(dir, 'abc')).toBe('<p>again</p>');
    expect(readdirSync(dir)).toEqual(['abc.html']);
  });

  it('prunes the bodies of entries no longer stored, and partial files left by a stopped build', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bodies-'));
    for (const digest of ['keep1', 'keep2', 'old']) writeBody(dir, digest, digest);
    writeFileSync(path.join(dir, 'keep1.html.123-x.tmp'), 'half');
    pruneBodies(dir, new Set(['keep1', 'keep2']));
    expect(readdirSync(dir).sort()).toEqual(['keep1.html', 'keep2.html']);
  });

  it('prunes nothing when the folder does not exist yet', () => {
    expect(() => pruneBodies(path.join(tmpdir(), 'no-such-folder-dateline'), new Set())).not.toThrow();
  });
});
