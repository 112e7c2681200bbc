import { describe, expect, it } from 'vitest';
import { paginate } from '../../src/lib/paginate.ts';

describe('paginate', () => {
  it('should put page 1 at the list path and later pages under page/N/, linked both ways', () => {
    expect(paginate([1, 2, 3, 4, 5], 2, '/world/')).toEqual([
      { number: 1, total: 3, items: [1, 2], path: '/world/', nextPath: '/world/page/2/' },
      { number: 2, total: 3, items: [3, 4], path: '/world/page/2/', prevPath: '/world/', nextPath: '/world/page/3/' },
      { number: 3, total: 3, items: [5], path: '/world/page/3/', prevPath: '/world/page/2/' },
    ]);
  });

  it('should give an empty list one empty page', () => {
    expect(paginate([], 10, '/tags/x/')).toEqual([{ number: 1, total: 1, items: [], path: '/tags/x/' }]);
  });

  it('should refuse a page size that is not a positive whole number', () => {
    expect(() => paginate([1], 0, '/')).toThrow(/page size/);
  });
});
