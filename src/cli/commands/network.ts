/**
 * `keruen network ...`: validate a dataset folder, count what it holds, search node names, export it as GeoJSON
 * or CSV. Every command reads data/ by default and another folder with --data (validate takes it as argument).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import {
  closestNames,
  computeStats,
  type DefaultRouteCase,
  defaultRouteUses,
  findNodes,
  KeruenError,
  type NetworkStats,
  type RouteUse,
  toCsv,
  toGeoJSON,
  VALIDATION_ROUTE_CASES,
} from '../../core/index.ts';
import { DEFAULT_DATA_DIR, loadContext, loadDemand, loadNetwork, seaGeometries } from '../../io/index.ts';
import { checkDatasetDir } from '../check-dataset.ts';
import { issueLine } from '../format.ts';

const out = (s: string): void => {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
};
const err = (s: string): void => {
  process.stderr.write(s.endsWith('\n') ? s : `${s}\n`);
};

const dataOption = (): Option =>
  new Option('-d, --data <dir>', 'dataset folder').default(DEFAULT_DATA_DIR, 'the shipped data/');

export function register(program: Command): void {
  const network = program.command('network').description('check, count, search and export the network dataset');

  network
    .command('validate')
    .description(
      'check every file the program loads (network records, manifest, emission factors, scenarios, demand sets); ' +
        'list every problem at once (exit 1 when there is one)',
    )
    .argument('[dir]', 'dataset folder', DEFAULT_DATA_DIR)
    .option('--json', 'print the result as JSON')
    .action((dir: string, opts: { json?: boolean }) => validateCommand(dir, opts));

  network
    .command('stats')
    .description('counts by kind, mode, country and status; share of figures sourced, estimated and missing')
    .addOption(dataOption())
    .option('--json', 'print the result as JSON')
    .action((opts: { data: string; json?: boolean }) => statsCommand(opts));

  network
    .command('export')
    .description('write the network as RFC 7946 GeoJSON or as CSV tables (nodes.csv, links.csv)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['geojson', 'csv']).makeOptionMandatory())
    .option('-o, --output <path>', 'geojson: the file to write; csv: the folder for nodes.csv and links.csv')
    .addOption(
      new Option('--table <table>', 'csv to standard output: which table').choices(['nodes', 'links']).default('nodes'),
    )
    .addOption(dataOption())
    .action((opts: { format: 'geojson' | 'csv'; output?: string; table: 'nodes' | 'links'; data: string }) =>
      exportCommand(opts),
    );

  network
    .command('find')
    .description('find nodes by id, name, alias or UN/LOCODE (any case, with or without diacritics)')
    .argument('<name...>', 'the name to look for')
    .addOption(dataOption())
    .option('--json', 'print the matches as JSON')
    .action((words: string[], opts: { data: string; json?: boolean }) => findCommand(words.join(' '), opts));
}

const RECORD_LABELS: Readonly<Record<string, string>> = {
  emissionFactors: 'emission factor records',
  demandSets: 'demand sets',
};

function validateCommand(dir: string, opts: { json?: boolean }): void {
  const r = checkDatasetDir(dir);
  const ok = r.issues.length === 0;
  if (opts.json) {
    out(JSON.stringify({ ok, ...r }, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2));
  } else {
    const counts = Object.entries(r.records)
      .map(([k, n]) => `${n} ${RECORD_LABELS[k] ?? k}`)
      .join(', ');
    if (ok) out(`ok: ${r.dir}: ${r.files} files, ${counts}`);
    else {
      out(`${r.issues.length} problem(s) in ${r.dir} (${r.files} files, ${counts} parsed):`);
      for (const i of r.issues) out(`  ${issueLine(i)}`);
    }
    if (r.warnings.length > 0) {
      out(`${r.warnings.length} warning(s):`);
      for (const w of r.warnings) out(`  ${issueLine(w)}`);
    }
  }
  if (!ok) process.exitCode = 1;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const counts = (m: Record<string, number>): string =>
  Object.entries(m)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || '-';

export function formatStats(s: NetworkStats): string {
  const f = s.figures;
  return [
    `${s.dataset.name} ${s.dataset.version}`,
    `sources   ${s.sources}`,
    `nodes     ${s.nodes.total}`,
    `  by kind     ${counts(s.nodes.byKind)}`,
    `  by status   ${counts(s.nodes.byStatus)}`,
    `  by country  ${counts(s.nodes.byCountry)}`,
    `links     ${s.links.total} (${Math.round(s.links.totalKm)} km)`,
    `  by mode     ${counts(s.links.byMode)}`,
    `  by status   ${counts(s.links.byStatus)}`,
    `  by country  ${counts(s.links.byCountry)}`,
    `services  ${s.services.total}${s.services.total > 0 ? ` (${counts(s.services.byMode)})` : ''}`,
    `rates     ${s.rates}`,
    `figures   ${f.total}: sourced ${f.sourced} (${pct(f.sourcedShare)}), estimated ${f.estimated} (${pct(
      f.estimatedShare,
    )}), missing ${f.missing} (${pct(f.missingShare)})`,
    `  missing by field  ${counts(s.missingByField)}`,
    `capacities missing  links ${s.gaps.linkCapacity.missing} of ${s.gaps.linkCapacity.of}, facilities ${
      s.gaps.facilityCapacity.missing
    } of ${s.gaps.facilityCapacity.of}, gauge-change yards ${s.gaps.gaugeChangeCapacity.missing} of ${
      s.gaps.gaugeChangeCapacity.of
    }`,
    `handling charges missing  ${s.gaps.handlingCharge.missing} of ${s.gaps.handlingCharge.of} ports and terminals${
      s.gaps.handlingCharge.zero > 0 ? ` (${s.gaps.handlingCharge.zero} given as zero)` : ''
    }`,
    ...defaultRouteLines(s),
  ].join('\n');
}

/** The default routes' cases: the default demand's OD pairs (1 TEU, or 1,000 t) and the router validation cases. */
function defaultRouteCases(dataDir: string): DefaultRouteCase[] {
  const demand = loadDemand(undefined, dataDir);
  const kindOf = new Map(demand.commodities.map((c) => [c.id, c.kind]));
  const fromDemand = demand.flows.map((f): DefaultRouteCase => {
    const kind = kindOf.get(f.commodity) ?? 'containers';
    return {
      from: f.from,
      to: f.to,
      cargo: kind === 'containers' ? { kind, teu: 1 } : { kind, tonnes: 1000 },
    };
  });
  return [...fromDemand, ...VALIDATION_ROUTE_CASES];
}

function defaultRouteLines(s: NetworkStats): string[] {
  const d = s.defaultRoutes;
  if (d === undefined) return [];
  return [
    `default routes  ${d.routes} itineraries over ${d.links} links and ${d.nodes} hubs: figures ${d.total}, sourced ${
      d.sourced
    }, estimated ${d.estimated}, missing ${d.missing} (${pct(d.missingShare)})`,
    `  missing by field  ${counts(d.missingByField)}`,
  ];
}

/** The default routes' uses, or undefined (with a note on stderr) when the folder has no emission factors or demand. */
function defaultUses(dataDir: string): RouteUse[] | undefined {
  if (!existsSync(join(dataDir, 'emissions')) || !existsSync(join(dataDir, 'demand'))) {
    err('default routes not measured: the folder has no emissions/ or demand/');
    return undefined;
  }
  const ctx = loadContext(dataDir);
  return defaultRouteUses(ctx.engine, defaultRouteCases(dataDir)).uses;
}

function statsCommand(opts: { data: string; json?: boolean }): void {
  const s = computeStats(loadNetwork(opts.data), defaultUses(opts.data));
  out(opts.json ? JSON.stringify(s, null, 2) : formatStats(s));
}

function exportCommand(opts: { format: 'geojson' | 'csv'; output?: string; table: 'nodes' | 'links'; data: string }) {
  const net = loadNetwork(opts.data);
  if (opts.format === 'geojson') {
    // Sea and ferry links along the shipping lanes, as the server draws them.
    const sea = seaGeometries(net);
    const text = `${JSON.stringify(toGeoJSON(net, sea.geometries))}\n`;
    if (opts.output === undefined) out(text);
    else {
      writeFileSync(opts.output, text);
      err(
        `wrote ${opts.output} (${net.nodes.length} nodes, ${net.links.length} links, ${sea.geometries.size} along sea lanes)`,
      );
    }
    return;
  }
  const csv = toCsv(net);
  if (opts.output === undefined) {
    process.stdout.write(csv[opts.table]);
    return;
  }
  mkdirSync(opts.output, { recursive: true });
  for (const t of ['nodes', 'links'] as const) writeFileSync(join(opts.output, `${t}.csv`), csv[t]);
  err(`wrote ${join(opts.output, 'nodes.csv')} and ${join(opts.output, 'links.csv')}`);
}

function findCommand(query: string, opts: { data: string; json?: boolean }): void {
  const net = loadNetwork(opts.data);
  const matches = findNodes(net, query);
  if (matches.length === 0) {
    const closest = closestNames(net, query, 5);
    if (opts.json) out(JSON.stringify({ query, matches: [], closest }, null, 2));
    const hint = closest.map((c) => `${c.name} (${c.id})`).join(', ');
    throw new KeruenError(
      'KERUEN_UNKNOWN_NODE',
      `no node matches ${JSON.stringify(query)}${hint ? `; closest: ${hint}` : ''}`,
      [],
      { query, closest },
    );
  }
  if (opts.json) {
    const rows = matches.map((m) => ({
      id: m.node.id,
      name: m.node.name,
      kind: m.node.kind,
      country: m.node.country,
      locode: m.node.locode,
      matched: m.text,
      field: m.field,
      tier: m.tier,
    }));
    out(JSON.stringify({ query, matches: rows }, null, 2));
    return;
  }
  for (const m of matches) {
    const via = m.field === 'name' && m.tier === 'exact' ? '' : `  (${m.tier} ${m.field}: ${m.text})`;
    out(
      `${m.node.id}\t${m.node.name}\t${m.node.kind}\t${m.node.country}${m.node.locode ? `\t${m.node.locode}` : ''}${via}`,
    );
  }
}
