import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../web/src/i18n.ts';
import { viaText } from '../../web/src/itinerary-tables.ts';
import { localName, registerPlaces, scenarioName } from '../../web/src/local-names.ts';

// setLang marks <html lang> and refills static text: a document with nothing to fill is enough here.
(globalThis as { document?: unknown }).document ??= {
  documentElement: {},
  querySelectorAll: () => [],
  querySelector: () => null,
};
afterEach(() => setLang('en'));

describe('node names in the page language', () => {
  registerPlaces([
    {
      id: 'kz-aktau',
      name: 'Aktau port',
      country: 'KZ',
      kind: 'seaport',
      names: { ru: 'Порт Актау', fr: 'Port d’Aktaou' },
    },
    { id: 'ge-poti', name: 'Poti', country: 'GE', kind: 'seaport', names: { ru: 'Поти' } },
  ]);

  it('names a node by id or dataset name in the chosen language, falling back to English, then to the input', () => {
    setLang('ru');
    expect(localName('kz-aktau')).toBe('Порт Актау');
    expect(localName('Aktau port')).toBe('Порт Актау');
    setLang('fr');
    expect(localName('ge-poti')).toBe('Poti');
    expect(localName('xx-nowhere', 'Nowhere')).toBe('Nowhere');
    expect(localName('Atlantis')).toBe('Atlantis');
  });

  it('keeps the via text logic on local names', () => {
    setLang('ru');
    const keys = ['Start', 'Aktau port', 'Poti', 'End'].map((n) => localName(n));
    expect(viaText(keys, new Set())).toBe('Порт Актау · Поти');
  });

  it('names a library scenario in the chosen language, else in English', () => {
    const s = { name: 'Red Sea closed', names: { ru: 'Красное море закрыто' } };
    setLang('ru');
    expect(scenarioName(s)).toBe('Красное море закрыто');
    setLang('fr');
    expect(scenarioName(s)).toBe('Red Sea closed');
    expect(scenarioName({ name: 'Mine', names: null })).toBe('Mine');
  });
});
