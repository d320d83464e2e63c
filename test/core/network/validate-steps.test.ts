/**
 * The great-circle rule of the cross-record checks (network/validate.ts): a link's length is measured along the
 * ground, so it cannot be much shorter than the great circle between its ends. Two points one degree of latitude
 * apart are 111.2 km apart (6,371 km x pi / 180); the rule allows 3 % and 1 km: 111.2 x 0.97 - 1 = 106.9 km.
 */
import { describe, expect, it } from 'vitest';
import { shorterThanGreatCircle } from '../../../src/core/network/validate.ts';

const at = (lat: number) => ({ coords: { lat, lon: 50, source: 'T1' } }) as never;
const link = (km: number | undefined) =>
  ({ file: 'links/t.yaml', id: 'x', distanceKm: km === undefined ? undefined : { value: km, source: 'T1' } }) as never;

describe('shorterThanGreatCircle', () => {
  it('warns below 97 % of the great circle less 1 km, with the distance found', () => {
    const w = shorterThanGreatCircle(link(100), at(40), at(41));
    expect(w).toMatchObject({ code: 'shorter_than_great_circle', id: 'x', field: 'distanceKm', value: 100 });
    expect(w!.message).toContain('111 km');
  });
  it('accepts lengths at or above the margin, and links without a length', () => {
    expect(shorterThanGreatCircle(link(107), at(40), at(41))).toBeUndefined();
    expect(shorterThanGreatCircle(link(undefined), at(40), at(41))).toBeUndefined();
  });
});
