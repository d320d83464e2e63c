/**
 * ISO 3166-1 alpha-2 codes accepted in the dataset: the countries the corridors touch or may touch.
 * Kept explicit so that a typo (KZK, Kz) is an error rather than a new country.
 */
export const COUNTRIES: Readonly<Record<string, string>> = {
  AF: 'Afghanistan', AM: 'Armenia', AT: 'Austria', AZ: 'Azerbaijan', BE: 'Belgium', BG: 'Bulgaria', BY: 'Belarus',
  CH: 'Switzerland', CN: 'China', CZ: 'Czechia', DE: 'Germany', DJ: 'Djibouti', EG: 'Egypt', ES: 'Spain', FR: 'France',
  GE: 'Georgia', GR: 'Greece', HR: 'Croatia', HU: 'Hungary', IN: 'India', IR: 'Iran', IT: 'Italy', KG: 'Kyrgyzstan',
  KZ: 'Kazakhstan', LK: 'Sri Lanka', LT: 'Lithuania', LV: 'Latvia', MA: 'Morocco', MD: 'Moldova', MN: 'Mongolia',
  MY: 'Malaysia', NL: 'Netherlands', OM: 'Oman', PK: 'Pakistan', PL: 'Poland', PT: 'Portugal', RO: 'Romania',
  RS: 'Serbia', RU: 'Russia', SA: 'Saudi Arabia', SG: 'Singapore', SI: 'Slovenia', SK: 'Slovakia', TJ: 'Tajikistan',
  TM: 'Turkmenistan', TR: 'Türkiye', UA: 'Ukraine', UZ: 'Uzbekistan', YE: 'Yemen', ZA: 'South Africa',
  XS: 'International waters',
};

export function isCountryCode(code: string): boolean {
  return Object.hasOwn(COUNTRIES, code);
}
