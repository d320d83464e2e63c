import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../web/src/i18n.ts';
import { paceText } from '../../web/src/shipment-pace.ts';

// setLang marks <html lang> and refills static text: a document with nothing to fill is enough here.
(globalThis as { document?: unknown }).document ??= {
  documentElement: {},
  querySelectorAll: () => [],
  querySelector: () => null,
};
afterEach(() => setLang('en'));

describe("a shipment's pace in words", () => {
  it('says slower, faster or on plan from the posterior factor, in the page language', () => {
    expect(paceText(1.2)).toMatch(/^Running 20\s?% slower than the calibrated plan/);
    expect(paceText(0.9)).toMatch(/^Running 10\s?% faster/);
    expect(paceText(1.01)).toBe('On the calibrated pace so far.');
    setLang('fr');
    expect(paceText(1.2)).toMatch(/plus lent que le plan calibré/);
    setLang('ru');
    expect(paceText(0.9)).toMatch(/быстрее калиброванного плана/);
  });
});
