import { afterEach, describe, expect, it } from 'vitest';
import { fmtDate, fmtDateTime } from '../../web/src/i18n.ts';
import { checkedZone, currentZone, setZone, zoneChoices } from '../../web/src/time-zone.ts';

afterEach(() => setZone('UTC'));

describe('the time zone dates are shown in', () => {
  it('is UTC by default, and a chosen zone shifts the clock and names itself', () => {
    expect(fmtDateTime('2026-03-02T20:00:00Z')).toMatch(/8:00\s?PM UTC$|20:00 UTC$/);
    setZone('Asia/Almaty');
    // Kazakhstan has kept UTC+5 all year since March 2024: 20:00 UTC is 01:00 the next day.
    expect(fmtDateTime('2026-03-02T20:00:00Z')).toMatch(/(1:00\s?AM|01:00) GMT\+5$/);
    expect(fmtDate('2026-03-02T20:00:00Z')).toMatch(/3/);
    setZone('Europe/Berlin');
    expect(fmtDateTime('2026-07-01T12:00:00Z')).toMatch(/(2:00\s?PM|14:00) GMT\+2$/);
  });

  it('refuses a zone the runtime does not know, falling back to UTC', () => {
    expect(checkedZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(checkedZone('')).toBeUndefined();
    setZone('Mars/Olympus_Mons');
    expect(currentZone()).toBe('UTC');
    expect(zoneChoices()[0]).toBe('UTC');
    expect(new Set(zoneChoices()).size).toBe(zoneChoices().length);
  });
});
