/** The Investments view's strings in the page's three languages; `ti` reads the current one (i18n.ts's lang). */
import { lang } from './i18n.ts';

const en: Record<string, string> = {
  title: 'Investment appraisal: the EUR 10 bn portfolio',
  intro:
    'Cost–benefit analysis of the corridor projects in the EU method (with and without each project, demand grown to 2040) and the portfolio that maximises ENPV under the budget, chosen by HiGHS and compared with ranking by B/C. Same answer as `keruen appraise`.',
  budget: 'Budget, EUR bn',
  growth: 'Demand growth',
  'growth.low': 'low',
  'growth.base': 'base',
  'growth.high': 'high',
  context: 'World',
  'context.none': 'as today',
  'context.russia-closed': 'shipper avoids Russia and Belarus',
  run: 'Appraise',
  running: 'Running the flows assignments… {pct}',
  failed: 'The appraisal failed: {msg}',
  portfolio: 'Portfolio under EUR {budget} bn: capex EUR {capex} m, ENPV EUR {enpv} m (HiGHS {status}, gap {gap})',
  greedy: 'Greedy by B/C: {list}; ENPV EUR {enpv} m. The optimiser adds EUR {diff} m.',
  chart: 'Cumulative ENPV against cumulative capex, projects in order of B/C; the line is the budget',
  'col.project': 'Project',
  'col.capex': 'Capex, EUR m',
  'col.enpv': 'ENPV, EUR m',
  'col.eirr': 'EIRR',
  'col.bc': 'B/C',
  'col.opens': 'Opens',
  'col.risk': 'P(ENPV < 0)',
  'col.chosen': 'Chosen',
  sheet: 'Appraisal sheet: {name}',
  flows: 'Yearly costs and benefits, EUR m',
  sensitivity: 'Sensitivity',
  'sens.case': 'Case',
  unappraised: 'Not appraised',
  missing: 'Not valued (no source found)',
  none: 'none',
};

const ru: Record<string, string> = {
  title: 'Оценка инвестиций: портфель на 10 млрд евро',
  intro:
    'Анализ затрат и выгод проектов коридоров по методике ЕС (с проектом и без, спрос до 2040 г.) и портфель с наибольшей ЧПС в пределах бюджета, выбранный HiGHS, в сравнении с ранжированием по B/C. Тот же ответ, что `keruen appraise`.',
  budget: 'Бюджет, млрд евро',
  growth: 'Рост спроса',
  'growth.low': 'низкий',
  'growth.base': 'базовый',
  'growth.high': 'высокий',
  context: 'Условия',
  'context.none': 'как сегодня',
  'context.russia-closed': 'грузоотправитель избегает России и Беларуси',
  run: 'Оценить',
  running: 'Расчёт распределения потоков… {pct}',
  failed: 'Оценка не удалась: {msg}',
  portfolio:
    'Портфель в пределах {budget} млрд евро: затраты {capex} млн, ЧПС {enpv} млн евро (HiGHS {status}, разрыв {gap})',
  greedy: 'Жадный отбор по B/C: {list}; ЧПС {enpv} млн евро. Оптимизатор добавляет {diff} млн евро.',
  chart: 'Накопленная ЧПС против накопленных затрат, проекты по убыванию B/C; линия — бюджет',
  'col.project': 'Проект',
  'col.capex': 'Затраты, млн евро',
  'col.enpv': 'ЧПС, млн евро',
  'col.eirr': 'ЭВНД',
  'col.bc': 'B/C',
  'col.opens': 'Открытие',
  'col.risk': 'P(ЧПС < 0)',
  'col.chosen': 'Выбран',
  sheet: 'Карточка оценки: {name}',
  flows: 'Затраты и выгоды по годам, млн евро',
  sensitivity: 'Чувствительность',
  'sens.case': 'Вариант',
  unappraised: 'Не оценены',
  missing: 'Не учтено (источник не найден)',
  none: 'нет',
};

const fr: Record<string, string> = {
  title: 'Évaluation des investissements : le portefeuille de 10 Md EUR',
  intro:
    'Analyse coûts-avantages des projets de corridor selon la méthode de l’UE (avec et sans chaque projet, demande projetée à 2040) et portefeuille maximisant la VAN économique sous le budget, choisi par HiGHS et comparé au classement par B/C. Même réponse que `keruen appraise`.',
  budget: 'Budget, Md EUR',
  growth: 'Croissance de la demande',
  'growth.low': 'basse',
  'growth.base': 'centrale',
  'growth.high': 'haute',
  context: 'Contexte',
  'context.none': 'comme aujourd’hui',
  'context.russia-closed': 'le chargeur évite la Russie et la Biélorussie',
  run: 'Évaluer',
  running: 'Affectation des flux en cours… {pct}',
  failed: 'L’évaluation a échoué : {msg}',
  portfolio: 'Portefeuille sous {budget} Md EUR : coût {capex} M EUR, VAN {enpv} M EUR (HiGHS {status}, écart {gap})',
  greedy: 'Choix glouton par B/C : {list} ; VAN {enpv} M EUR. L’optimiseur ajoute {diff} M EUR.',
  chart: 'VAN cumulée en fonction du coût cumulé, projets par B/C décroissant ; la ligne est le budget',
  'col.project': 'Projet',
  'col.capex': 'Coût, M EUR',
  'col.enpv': 'VAN, M EUR',
  'col.eirr': 'TRIE',
  'col.bc': 'B/C',
  'col.opens': 'Mise en service',
  'col.risk': 'P(VAN < 0)',
  'col.chosen': 'Retenu',
  sheet: 'Fiche d’évaluation : {name}',
  flows: 'Coûts et avantages annuels, M EUR',
  sensitivity: 'Sensibilité',
  'sens.case': 'Cas',
  unappraised: 'Non évalués',
  missing: 'Non valorisé (aucune source trouvée)',
  none: 'aucun',
};

const DICTS = { en, ru, fr } as const;

/** The string `key` of the view in the page's language, with {name} parameters filled in. */
export function ti(key: string, params: Record<string, string | number> = {}): string {
  const s = DICTS[lang()][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
