/**
 * Translations (English, Russian, French) and locale-aware formatting of numbers, money, durations and dates.
 * Users sit in Kazakhstan, the Caucasus, Turkey and the EU: Russian and French cover most of them besides
 * English. A missing key falls back to English, then to the key itself, so a gap shows up as text, not a crash.
 */

export const LANGS = ['en', 'ru', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

type Dict = Record<string, string>;

const en: Dict = {
  'app.skip': 'Skip to the panel',
  'sc.pickTwo': 'Choose at least one stored scenario to compare with the baseline',
  'sc.m.itineraries': 'Itineraries found',
  'sc.m.fastest': 'Fastest, days (planned)',
  'sc.m.cheapest': 'Cheapest, USD',
  'sc.m.fastestOn': 'Fastest on {corridor}, days',
  'sc.legendA': 'changed in {a}',
  'sc.legendB': 'changed in {b}',
  'sc.legendBoth': 'changed in both',
  'sc.changedLinks': '{n} links changed on the map',
  'sc.clearMap': 'Clear the map colours',
  'sc.utilisation': 'link utilisation and bottlenecks under a demand set',
  'sc.load': 'Load my scenarios',
  'sh.load': 'Load my shipments',
  'sh.position': 'Last known position: {node}, {at}',
  'sh.delivered': 'delivered',
  'sh.basedOnPlan': 'from the plan (no event yet)',
  'sh.etaRange': 'P5 {p5} · P50 {p50} · P95 {p95}',
  'sh.etaChart': 'Remaining transit time',
  'sh.created': 'Shipment created',
  'sh.eventAdded': 'Milestone recorded',
  'sh.open': 'Open',
  'app.title': 'Keruen — Eurasian freight corridors',
  'app.tagline': 'Routes, transit times and risks from China and Central Asia to Europe',
  'lang.label': 'Language',
  'tab.plan': 'Route planner',
  'tab.scenarios': 'Scenarios',
  'tab.shipments': 'Shipments',
  'map.label': 'Map of the freight network',
  'map.loading': 'Loading the map and the network…',
  'map.failed': 'The network could not be loaded: {msg}',
  'map.legend': 'Legend',
  'map.planned': 'planned or under construction (dashed)',
  'map.route': 'selected itinerary',
  'map.otherRoute': 'other itineraries',
  'map.sources': 'Sources',
  'map.noSources': 'No source cited',
  'map.nodeCount': '{nodes} nodes and {links} links',
  'mode.rail': 'Rail',
  'mode.road': 'Road',
  'mode.ferry': 'Ferry',
  'mode.sea': 'Sea',
  'mode.inland_waterway': 'Inland waterway',
  'kind.terminal': 'Terminal',
  'kind.dry_port': 'Dry port',
  'kind.sea_port': 'Sea port',
  'kind.border_crossing': 'Border crossing',
  'kind.gauge_change': 'Gauge change',
  'kind.junction': 'Junction',
  'kind.city': 'City',
  'kind.waypoint': 'Waypoint',
  'status.operational': 'operational',
  'status.under_construction': 'under construction',
  'status.planned': 'planned',
  'status.closed': 'closed',
  'field.country': 'Country',
  'field.kind': 'Kind',
  'field.status': 'Status',
  'field.distance': 'Distance',
  'field.mode': 'Mode',
  'field.locode': 'UN/LOCODE',
  'field.aliases': 'Also written',
  'field.corridors': 'Corridors',
  'field.gauge': 'Gauge',
  'field.duration': 'Travel time (mean)',
  'field.note': 'Note',
  'field.estimate': 'estimate',
  'field.figure': 'Figure',
  'field.value': 'Value',
  'plan.heading': 'Plan a route',
  'plan.from': 'Origin',
  'plan.to': 'Destination',
  'plan.searchHint': 'Type a name, alias or UN/LOCODE',
  'plan.noMatch': 'No place matches “{q}”',
  'plan.depart': 'Ready date',
  'plan.cargo': 'Cargo',
  'plan.cargo.containers': 'Containers (TEU)',
  'plan.cargo.bulk': 'Bulk (tonnes)',
  'plan.cargo.liquid': 'Liquid (tonnes)',
  'plan.cargo.general': 'General cargo (tonnes)',
  'plan.quantity': 'Quantity',
  'plan.avoidCountries': 'Avoid countries',
  'plan.avoidCountriesHint': 'ISO codes separated by commas, e.g. RU, BY',
  'plan.avoidModes': 'Avoid modes',
  'plan.includePlanned': 'Include planned links opening by',
  'plan.submit': 'Find routes',
  'plan.searching': 'Searching routes and simulating transit times…',
  'plan.pickPlace': 'Choose the origin and the destination from the suggestions',
  'plan.noRoute': 'No route found. {msg}',
  'plan.results': 'Itineraries',
  'plan.resultsCaption':
    'Pareto-optimal itineraries from {from} to {to}: none is faster, cheaper and cleaner at once than another',
  'col.corridor': 'Corridor',
  'col.p50': 'P50 days',
  'col.p90': 'P90 days',
  'col.cost': 'Cost USD',
  'col.co2e': 'CO2e t',
  'col.transfers': 'Trans\u00adship\u00adments',
  'col.via': 'Via',
  'col.select': 'Show',
  'col.from': 'From',
  'col.to': 'To',
  'col.depart': 'Departs',
  'col.arrive': 'Arrives',
  'col.wait': 'Wait h',
  'col.border': 'Border h',
  'col.travel': 'Travel h',
  'col.service': 'Service',
  'corridor.Middle': 'Middle (Trans-Caspian)',
  'corridor.Northern': 'Northern',
  'corridor.Southern': 'Southern (Iran)',
  'corridor.Sea': 'Sea',
  'corridor.Trans-Afghan': 'Trans-Afghan',
  'corridor.Mixed': 'Mixed',
  'corridor.Regional': 'Regional',
  'it.heading': 'Itinerary {n}: {corridor}',
  'it.legs': 'Legs',
  'it.costIncomplete': 'lower bound: some legs have no tariff',
  'it.unknown': 'n/a',
  'it.risk': 'Probability that a link on the way is cut: {p}',
  'chart.distribution': 'Transit-time distribution',
  'chart.distributionDesc':
    'Monte Carlo transit time from ready date to arrival, {n} samples; P50 {p50} days, P90 {p90} days',
  'chart.days': 'Days',
  'chart.share': 'Share of runs',
  'chart.noDistribution': 'No distribution available for this itinerary.',
  'chart.timeDistance': 'Time–distance (UNESCAP method)',
  'chart.costDistance': 'Cost–distance (UNESCAP method)',
  'chart.tdDesc':
    'Cumulative time and cost against distance; border, port and gauge-change stops show as vertical steps',
  'chart.km': 'Distance km',
  'chart.cumDays': 'Cumulative days',
  'chart.cumUsd': 'Cumulative USD',
  'stop.transfer': 'Transshipment',
  'stop.gauge_change': 'Gauge change',
  'stop.border': 'Border',
  'stop.wait': 'Waiting for departure',
  'sc.heading': 'Compare scenarios',
  'sc.intro': 'Choose two scenarios and a route question; the map colours links by the change in use.',
  'sc.a': 'Scenario A',
  'sc.b': 'Scenario B',
  'sc.baseline': 'Baseline network',
  'sc.compare': 'Compare',
  'sc.none': 'No scenarios available.',
  'sc.table': 'Differences between the scenarios',
  'sc.metric': 'Measure',
  'sc.delta': 'Change',
  'sc.comparing': 'Comparing scenarios…',
  'sc.bottlenecks': 'Bottlenecks',
  'sh.heading': 'Shipments',
  'sh.token': 'API token',
  'sh.tokenHint': 'Scenarios and shipments are private: paste the token from `keruen token create`',
  'sh.etaDesc': 'Monte Carlo time from the last known position to arrival, {n} samples; P50 {p50} days, P90 {p90} days',
  'sh.list': 'Your shipments',
  'sh.none': 'No shipments yet.',
  'sh.new': 'New shipment',
  'sh.name': 'Name',
  'sh.deadline': 'Deadline',
  'sh.itinerary': 'Itinerary number',
  'sh.create': 'Create shipment',
  'sh.events': 'Milestones',
  'sh.addEvent': 'Add milestone',
  'sh.eventType': 'Event',
  'sh.eventNode': 'Place',
  'sh.eventAt': 'Time',
  'sh.eventNote': 'Note',
  'sh.eta': 'Re-predicted arrival',
  'sh.risk': 'Probability of meeting the deadline: {p}',
  'sh.warning': 'Warning: {msg}',
  'ev.departed': 'Departed',
  'ev.arrived': 'Arrived',
  'ev.border_crossed': 'Crossed a border',
  'ev.ferry_loaded': 'Loaded on a ferry',
  'common.loading': 'Loading…',
  'common.error': 'Error: {msg}',
  'common.notAvailable': 'Not available: the server does not offer {what} yet.',
  'common.close': 'Close',
  'common.yes': 'yes',
  'common.no': 'no',
  'common.selected': 'selected',
};

const ru: Dict = {
  'app.skip': 'Перейти к панели',
  'sc.pickTwo': 'Выберите хотя бы один сохранённый сценарий для сравнения с базовой сетью',
  'sc.m.itineraries': 'Найдено маршрутов',
  'sc.m.fastest': 'Самый быстрый, сут (по плану)',
  'sc.m.cheapest': 'Самый дешёвый, USD',
  'sc.m.fastestOn': 'Самый быстрый по коридору «{corridor}», сут',
  'sc.legendA': 'изменено в «{a}»',
  'sc.legendB': 'изменено в «{b}»',
  'sc.legendBoth': 'изменено в обоих',
  'sc.changedLinks': 'Изменённых участков на карте: {n}',
  'sc.clearMap': 'Убрать цвета с карты',
  'sc.utilisation': 'загрузку участков и узкие места при заданном спросе',
  'sc.load': 'Загрузить мои сценарии',
  'sh.load': 'Загрузить мои отправки',
  'sh.position': 'Последнее известное место: {node}, {at}',
  'sh.delivered': 'доставлено',
  'sh.basedOnPlan': 'по плану (событий ещё нет)',
  'sh.etaRange': 'P5 {p5} · P50 {p50} · P95 {p95}',
  'sh.etaChart': 'Оставшееся время в пути',
  'sh.created': 'Отправка создана',
  'sh.eventAdded': 'Событие записано',
  'sh.open': 'Открыть',
  'app.title': 'Keruen — евразийские грузовые коридоры',
  'app.tagline': 'Маршруты, сроки и риски доставки из Китая и Центральной Азии в Европу',
  'lang.label': 'Язык',
  'tab.plan': 'Планировщик маршрута',
  'tab.scenarios': 'Сценарии',
  'tab.shipments': 'Отправки',
  'map.label': 'Карта грузовой сети',
  'map.loading': 'Загрузка карты и сети…',
  'map.failed': 'Не удалось загрузить сеть: {msg}',
  'map.legend': 'Условные обозначения',
  'map.planned': 'планируется или строится (пунктир)',
  'map.route': 'выбранный маршрут',
  'map.otherRoute': 'другие маршруты',
  'map.sources': 'Источники',
  'map.noSources': 'Источник не указан',
  'map.nodeCount': 'Узлов: {nodes}, участков: {links}',
  'mode.rail': 'Железная дорога',
  'mode.road': 'Автодорога',
  'mode.ferry': 'Паром',
  'mode.sea': 'Море',
  'mode.inland_waterway': 'Внутренний водный путь',
  'kind.terminal': 'Терминал',
  'kind.dry_port': 'Сухой порт',
  'kind.sea_port': 'Морской порт',
  'kind.border_crossing': 'Пограничный переход',
  'kind.gauge_change': 'Смена колеи',
  'kind.junction': 'Узловая станция',
  'kind.city': 'Город',
  'kind.waypoint': 'Путевая точка',
  'status.operational': 'действует',
  'status.under_construction': 'строится',
  'status.planned': 'планируется',
  'status.closed': 'закрыт',
  'field.country': 'Страна',
  'field.kind': 'Тип',
  'field.status': 'Статус',
  'field.distance': 'Расстояние',
  'field.mode': 'Вид транспорта',
  'field.locode': 'UN/LOCODE',
  'field.aliases': 'Другие написания',
  'field.corridors': 'Коридоры',
  'field.gauge': 'Колея',
  'field.duration': 'Время в пути (среднее)',
  'field.note': 'Примечание',
  'field.estimate': 'оценка',
  'field.figure': 'Показатель',
  'field.value': 'Значение',
  'plan.heading': 'Построить маршрут',
  'plan.from': 'Откуда',
  'plan.to': 'Куда',
  'plan.searchHint': 'Название, другое написание или код UN/LOCODE',
  'plan.noMatch': 'Нет мест, совпадающих с «{q}»',
  'plan.depart': 'Дата готовности груза',
  'plan.cargo': 'Груз',
  'plan.cargo.containers': 'Контейнеры (TEU)',
  'plan.cargo.bulk': 'Навалочный (тонны)',
  'plan.cargo.liquid': 'Наливной (тонны)',
  'plan.cargo.general': 'Генеральный (тонны)',
  'plan.quantity': 'Количество',
  'plan.avoidCountries': 'Исключить страны',
  'plan.avoidCountriesHint': 'Коды ISO через запятую, например RU, BY',
  'plan.avoidModes': 'Исключить виды транспорта',
  'plan.includePlanned': 'Учитывать планируемые участки, открывающиеся до',
  'plan.submit': 'Найти маршруты',
  'plan.searching': 'Поиск маршрутов и моделирование сроков…',
  'plan.pickPlace': 'Выберите пункты отправления и назначения из подсказок',
  'plan.noRoute': 'Маршрут не найден. {msg}',
  'plan.results': 'Маршруты',
  'plan.resultsCaption':
    'Парето-оптимальные маршруты из {from} в {to}: ни один не быстрее, дешевле и чище другого одновременно',
  'col.corridor': 'Коридор',
  'col.p50': 'P50, сут',
  'col.p90': 'P90, сут',
  'col.cost': 'Стоимость, USD',
  'col.co2e': 'CO2e, т',
  'col.transfers': 'Перевалки',
  'col.via': 'Через',
  'col.select': 'Показать',
  'col.from': 'Откуда',
  'col.to': 'Куда',
  'col.depart': 'Отправление',
  'col.arrive': 'Прибытие',
  'col.wait': 'Ожидание, ч',
  'col.border': 'Граница, ч',
  'col.travel': 'В пути, ч',
  'col.service': 'Сервис',
  'corridor.Middle': 'Средний (Транскаспийский)',
  'corridor.Northern': 'Северный',
  'corridor.Southern': 'Южный (Иран)',
  'corridor.Sea': 'Морской',
  'corridor.Trans-Afghan': 'Трансафганский',
  'corridor.Mixed': 'Смешанный',
  'corridor.Regional': 'Региональный',
  'it.heading': 'Маршрут {n}: {corridor}',
  'it.legs': 'Участки',
  'it.costIncomplete': 'нижняя граница: для части участков нет тарифа',
  'it.unknown': 'н/д',
  'it.risk': 'Вероятность перерыва на одном из участков: {p}',
  'chart.distribution': 'Распределение срока доставки',
  'chart.distributionDesc':
    'Срок от готовности груза до прибытия по методу Монте-Карло, {n} испытаний; P50 {p50} сут, P90 {p90} сут',
  'chart.days': 'Сутки',
  'chart.share': 'Доля испытаний',
  'chart.noDistribution': 'Для этого маршрута распределение недоступно.',
  'chart.timeDistance': 'Время — расстояние (метод ЭСКАТО ООН)',
  'chart.costDistance': 'Стоимость — расстояние (метод ЭСКАТО ООН)',
  'chart.tdDesc':
    'Накопленные время и стоимость в зависимости от расстояния; остановки на границах, в портах и при смене колеи — вертикальные ступени',
  'chart.km': 'Расстояние, км',
  'chart.cumDays': 'Накопленные сутки',
  'chart.cumUsd': 'Накопленные USD',
  'stop.transfer': 'Перевалка',
  'stop.gauge_change': 'Смена колеи',
  'stop.border': 'Граница',
  'stop.wait': 'Ожидание отправления',
  'sc.heading': 'Сравнение сценариев',
  'sc.intro': 'Выберите два сценария и маршрут; карта окрасит участки по изменению загрузки.',
  'sc.a': 'Сценарий A',
  'sc.b': 'Сценарий B',
  'sc.baseline': 'Базовая сеть',
  'sc.compare': 'Сравнить',
  'sc.none': 'Сценариев нет.',
  'sc.table': 'Различия между сценариями',
  'sc.metric': 'Показатель',
  'sc.delta': 'Изменение',
  'sc.comparing': 'Сравнение сценариев…',
  'sc.bottlenecks': 'Узкие места',
  'sh.heading': 'Отправки',
  'sh.token': 'API-токен',
  'sh.tokenHint': 'Сценарии и отправки видны только владельцу: вставьте токен из `keruen token create`',
  'sh.etaDesc':
    'Время от последнего известного места до прибытия по методу Монте-Карло, {n} испытаний; P50 {p50} сут, P90 {p90} сут',
  'sh.list': 'Ваши отправки',
  'sh.none': 'Отправок пока нет.',
  'sh.new': 'Новая отправка',
  'sh.name': 'Название',
  'sh.deadline': 'Крайний срок',
  'sh.itinerary': 'Номер маршрута',
  'sh.create': 'Создать отправку',
  'sh.events': 'События',
  'sh.addEvent': 'Добавить событие',
  'sh.eventType': 'Событие',
  'sh.eventNode': 'Место',
  'sh.eventAt': 'Время',
  'sh.eventNote': 'Примечание',
  'sh.eta': 'Обновлённый прогноз прибытия',
  'sh.risk': 'Вероятность уложиться в срок: {p}',
  'sh.warning': 'Предупреждение: {msg}',
  'ev.departed': 'Отправлен',
  'ev.arrived': 'Прибыл',
  'ev.border_crossed': 'Пересёк границу',
  'ev.ferry_loaded': 'Погружен на паром',
  'common.loading': 'Загрузка…',
  'common.error': 'Ошибка: {msg}',
  'common.notAvailable': 'Недоступно: сервер пока не предоставляет {what}.',
  'common.close': 'Закрыть',
  'common.yes': 'да',
  'common.no': 'нет',
  'common.selected': 'выбран',
};

const fr: Dict = {
  'app.skip': 'Aller au panneau',
  'sc.pickTwo': 'Choisissez au moins un scénario enregistré à comparer au réseau de référence',
  'sc.m.itineraries': 'Itinéraires trouvés',
  'sc.m.fastest': 'Plus rapide, jours (prévu)',
  'sc.m.cheapest': 'Moins cher, USD',
  'sc.m.fastestOn': 'Plus rapide par le corridor {corridor}, jours',
  'sc.legendA': 'modifié dans « {a} »',
  'sc.legendB': 'modifié dans « {b} »',
  'sc.legendBoth': 'modifié dans les deux',
  'sc.changedLinks': '{n} liaisons modifiées sur la carte',
  'sc.clearMap': 'Effacer les couleurs de la carte',
  'sc.utilisation': 'l’utilisation des liaisons et les goulets d’étranglement pour une demande donnée',
  'sc.load': 'Charger mes scénarios',
  'sh.load': 'Charger mes envois',
  'sh.position': 'Dernière position connue : {node}, {at}',
  'sh.delivered': 'livré',
  'sh.basedOnPlan': 'selon le plan (aucun événement encore)',
  'sh.etaRange': 'P5 {p5} · P50 {p50} · P95 {p95}',
  'sh.etaChart': 'Temps de transport restant',
  'sh.created': 'Envoi créé',
  'sh.eventAdded': 'Jalon enregistré',
  'sh.open': 'Ouvrir',
  'app.title': 'Keruen — corridors de fret eurasiens',
  'app.tagline': 'Itinéraires, délais et risques de la Chine et de l’Asie centrale vers l’Europe',
  'lang.label': 'Langue',
  'tab.plan': 'Planificateur d’itinéraire',
  'tab.scenarios': 'Scénarios',
  'tab.shipments': 'Envois',
  'map.label': 'Carte du réseau de fret',
  'map.loading': 'Chargement de la carte et du réseau…',
  'map.failed': 'Le réseau n’a pas pu être chargé : {msg}',
  'map.legend': 'Légende',
  'map.planned': 'prévu ou en construction (tirets)',
  'map.route': 'itinéraire choisi',
  'map.otherRoute': 'autres itinéraires',
  'map.sources': 'Sources',
  'map.noSources': 'Aucune source citée',
  'map.nodeCount': '{nodes} nœuds et {links} liaisons',
  'mode.rail': 'Rail',
  'mode.road': 'Route',
  'mode.ferry': 'Ferry',
  'mode.sea': 'Mer',
  'mode.inland_waterway': 'Voie navigable',
  'kind.terminal': 'Terminal',
  'kind.dry_port': 'Port sec',
  'kind.sea_port': 'Port maritime',
  'kind.border_crossing': 'Poste frontière',
  'kind.gauge_change': 'Changement d’écartement',
  'kind.junction': 'Nœud ferroviaire',
  'kind.city': 'Ville',
  'kind.waypoint': 'Point de passage',
  'status.operational': 'en service',
  'status.under_construction': 'en construction',
  'status.planned': 'prévu',
  'status.closed': 'fermé',
  'field.country': 'Pays',
  'field.kind': 'Type',
  'field.status': 'Statut',
  'field.distance': 'Distance',
  'field.mode': 'Mode',
  'field.locode': 'UN/LOCODE',
  'field.aliases': 'Autres graphies',
  'field.corridors': 'Corridors',
  'field.gauge': 'Écartement',
  'field.duration': 'Durée du trajet (moyenne)',
  'field.note': 'Note',
  'field.estimate': 'estimation',
  'field.figure': 'Donnée',
  'field.value': 'Valeur',
  'plan.heading': 'Planifier un itinéraire',
  'plan.from': 'Origine',
  'plan.to': 'Destination',
  'plan.searchHint': 'Nom, autre graphie ou code UN/LOCODE',
  'plan.noMatch': 'Aucun lieu ne correspond à « {q} »',
  'plan.depart': 'Date de mise à disposition',
  'plan.cargo': 'Marchandise',
  'plan.cargo.containers': 'Conteneurs (EVP)',
  'plan.cargo.bulk': 'Vrac solide (tonnes)',
  'plan.cargo.liquid': 'Vrac liquide (tonnes)',
  'plan.cargo.general': 'Marchandises diverses (tonnes)',
  'plan.quantity': 'Quantité',
  'plan.avoidCountries': 'Éviter les pays',
  'plan.avoidCountriesHint': 'Codes ISO séparés par des virgules, p. ex. RU, BY',
  'plan.avoidModes': 'Éviter les modes',
  'plan.includePlanned': 'Inclure les liaisons prévues ouvertes d’ici',
  'plan.submit': 'Chercher des itinéraires',
  'plan.searching': 'Recherche des itinéraires et simulation des délais…',
  'plan.pickPlace': 'Choisissez l’origine et la destination parmi les suggestions',
  'plan.noRoute': 'Aucun itinéraire trouvé. {msg}',
  'plan.results': 'Itinéraires',
  'plan.resultsCaption':
    'Itinéraires Pareto-optimaux de {from} à {to} : aucun n’est à la fois plus rapide, moins cher et plus propre qu’un autre',
  'col.corridor': 'Corridor',
  'col.p50': 'P50 jours',
  'col.p90': 'P90 jours',
  'col.cost': 'Coût USD',
  'col.co2e': 'CO2e t',
  'col.transfers': 'Trans\u00adborde\u00adments',
  'col.via': 'Via',
  'col.select': 'Afficher',
  'col.from': 'De',
  'col.to': 'À',
  'col.depart': 'Départ',
  'col.arrive': 'Arrivée',
  'col.wait': 'Attente h',
  'col.border': 'Frontière h',
  'col.travel': 'Trajet h',
  'col.service': 'Service',
  'corridor.Middle': 'Médian (transcaspien)',
  'corridor.Northern': 'Nord',
  'corridor.Southern': 'Sud (Iran)',
  'corridor.Sea': 'Maritime',
  'corridor.Trans-Afghan': 'Transafghan',
  'corridor.Mixed': 'Mixte',
  'corridor.Regional': 'Régional',
  'it.heading': 'Itinéraire {n} : {corridor}',
  'it.legs': 'Tronçons',
  'it.costIncomplete': 'borne inférieure : certains tronçons n’ont pas de tarif',
  'it.unknown': 'n.d.',
  'it.risk': 'Probabilité qu’une liaison du trajet soit coupée : {p}',
  'chart.distribution': 'Distribution du délai de transport',
  'chart.distributionDesc':
    'Délai Monte-Carlo de la mise à disposition à l’arrivée, {n} tirages ; P50 {p50} jours, P90 {p90} jours',
  'chart.days': 'Jours',
  'chart.share': 'Part des tirages',
  'chart.noDistribution': 'Pas de distribution pour cet itinéraire.',
  'chart.timeDistance': 'Temps–distance (méthode CESAP)',
  'chart.costDistance': 'Coût–distance (méthode CESAP)',
  'chart.tdDesc':
    'Temps et coût cumulés selon la distance ; les arrêts aux frontières, ports et changements d’écartement forment des marches verticales',
  'chart.km': 'Distance km',
  'chart.cumDays': 'Jours cumulés',
  'chart.cumUsd': 'USD cumulés',
  'stop.transfer': 'Transbordement',
  'stop.gauge_change': 'Changement d’écartement',
  'stop.border': 'Frontière',
  'stop.wait': 'Attente du départ',
  'sc.heading': 'Comparer des scénarios',
  'sc.intro':
    'Choisissez deux scénarios et une question d’itinéraire ; la carte colore les liaisons selon l’évolution de leur usage.',
  'sc.a': 'Scénario A',
  'sc.b': 'Scénario B',
  'sc.baseline': 'Réseau de référence',
  'sc.compare': 'Comparer',
  'sc.none': 'Aucun scénario disponible.',
  'sc.table': 'Différences entre les scénarios',
  'sc.metric': 'Mesure',
  'sc.delta': 'Écart',
  'sc.comparing': 'Comparaison des scénarios…',
  'sc.bottlenecks': 'Goulets d’étranglement',
  'sh.heading': 'Envois',
  'sh.token': 'Jeton d’API',
  'sh.tokenHint': 'Les scénarios et les envois sont privés : collez le jeton obtenu avec `keruen token create`',
  'sh.etaDesc':
    'Délai Monte-Carlo de la dernière position connue à l’arrivée, {n} tirages ; P50 {p50} jours, P90 {p90} jours',
  'sh.list': 'Vos envois',
  'sh.none': 'Aucun envoi pour l’instant.',
  'sh.new': 'Nouvel envoi',
  'sh.name': 'Nom',
  'sh.deadline': 'Échéance',
  'sh.itinerary': 'Numéro d’itinéraire',
  'sh.create': 'Créer l’envoi',
  'sh.events': 'Jalons',
  'sh.addEvent': 'Ajouter un jalon',
  'sh.eventType': 'Événement',
  'sh.eventNode': 'Lieu',
  'sh.eventAt': 'Heure',
  'sh.eventNote': 'Note',
  'sh.eta': 'Arrivée re-prévue',
  'sh.risk': 'Probabilité de respecter l’échéance : {p}',
  'sh.warning': 'Avertissement : {msg}',
  'ev.departed': 'Parti',
  'ev.arrived': 'Arrivé',
  'ev.border_crossed': 'Frontière franchie',
  'ev.ferry_loaded': 'Chargé sur un ferry',
  'common.loading': 'Chargement…',
  'common.error': 'Erreur : {msg}',
  'common.notAvailable': 'Indisponible : le serveur ne propose pas encore {what}.',
  'common.close': 'Fermer',
  'common.yes': 'oui',
  'common.no': 'non',
  'common.selected': 'choisi',
};

export const DICTS: Readonly<Record<Lang, Dict>> = { en, ru, fr };

/** BCP 47 tags for Intl: Russian as used in Kazakhstan formats like ru-RU; French numbers use a narrow space. */
const LOCALE: Readonly<Record<Lang, string>> = { en: 'en-GB', ru: 'ru-RU', fr: 'fr-FR' };

let current: Lang = 'en';
const listeners = new Set<() => void>();

export function isLang(s: unknown): s is Lang {
  return typeof s === 'string' && (LANGS as readonly string[]).includes(s);
}

export function lang(): Lang {
  return current;
}

export function locale(): string {
  return LOCALE[current];
}

/** Switches the language, updates <html lang> and every element with data-i18n*, then tells the views. */
export function setLang(l: Lang): void {
  current = l;
  document.documentElement.lang = l;
  try {
    localStorage.setItem('keruen.lang', l);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
  applyStatic(document);
  for (const f of listeners) f();
}

/** Registers a view's re-render on language change. */
export function onLangChange(f: () => void): void {
  listeners.add(f);
}

/** The language to start with: ?lang=, then the stored choice, then the browser's, then English. */
export function initialLang(): Lang {
  const q = new URLSearchParams(location.search).get('lang');
  if (isLang(q)) return q;
  try {
    const s = localStorage.getItem('keruen.lang');
    if (isLang(s)) return s;
  } catch {
    // See setLang.
  }
  for (const l of navigator.languages ?? []) {
    const base = l.slice(0, 2).toLowerCase();
    if (isLang(base)) return base;
  }
  return 'en';
}

/** Translates a key, filling {name} placeholders. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const s = DICTS[current][key] ?? en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

/**
 * Fills static text: data-i18n sets textContent, data-i18n-label sets aria-label, data-i18n-placeholder sets
 * placeholder, data-i18n-title sets title.
 */
export function applyStatic(root: ParentNode): void {
  // forEach, not for-of: NodeList iteration needs the DOM.Iterable lib, which the root tsconfig leaves out.
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n!);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel!));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder!));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.setAttribute('title', t(el.dataset.i18nTitle!));
  });
  const title = document.querySelector('title');
  if (title) title.textContent = t('app.title');
}

export function fmtNumber(x: number, maxFractionDigits = 0, minFractionDigits = 0): string {
  return new Intl.NumberFormat(locale(), {
    maximumFractionDigits: maxFractionDigits,
    minimumFractionDigits: minFractionDigits,
  }).format(x);
}

export function fmtUsd(x: number): string {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 }).format(x);
}

export function fmtPercent(p: number): string {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** Hours as days with one decimal, always shown so a column lines up ("31.9", "30.0" / "31,9"). */
export function fmtDays(hours: number): string {
  return fmtNumber(hours / 24, 1, 1);
}

export function fmtDate(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function fmtDateTime(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d)} UTC`;
}
