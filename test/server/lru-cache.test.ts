import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src/server/lru-cache.ts';

describe('LruCache', () => {
  it('evicts the least recently used entry beyond its entry count', () => {
    const c = new LruCache(2);
    c.set('a', 'A');
    c.set('b', 'B');
    expect(c.get('a')).toBe('A'); // a is now the most recent
    c.set('c', 'C');
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe('A');
    expect(c.get('c')).toBe('C');
    expect(c.size).toBe(2);
  });

  it('stays within its byte budget and skips values larger than it', () => {
    const c = new LruCache(100, 10);
    c.set('a', '12345');
    c.set('b', '12345');
    c.set('c', '123');
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBe('12345');
    c.set('huge', 'x'.repeat(11));
    expect(c.get('huge')).toBeUndefined();
    expect(c.get('c')).toBe('123');
  });

  it('is off with zero entries', () => {
    const c = new LruCache(0);
    c.set('a', 'A');
    expect(c.get('a')).toBeUndefined();
  });
});
