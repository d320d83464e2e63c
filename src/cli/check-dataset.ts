/**
 * Validation for `keruen network validate`: every problem in every file the program loads from a dataset folder,
 * at once: the network records, the manifest, the emission factors, the scenarios and the demand sets.
 *
 * The network loader stops before the cross-record checks when a record fails its schema (a half-parsed dataset
 * cannot be built); the validator runs them anyway on the records that parsed, and drops the references that
 * point at a record which failed its own schema, so that one typo is reported once, not once per link that uses
 * the node. When a whole file of a folder could not be parsed, references into that folder are not checked (a
 * warning says so) rather than reported by the hundred. Scenarios and demand sets are checked against the network
 * when the network has no problem.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EmissionFactors, Issue, Network, RawDataset } from '../core/index.ts';
import {
  checkDemand,
  checkExportsDataset,
  checkScenario,
  type DemandSet,
  isBlankYaml,
  parseDatasetFiles,
  parseDemandText,
  parseEmissionFactors,
  parseExportsFiles,
  parseScenarioFiles,
  tryBuildNetwork,
  validateReferences,
} from '../core/index.ts';
import { MANIFEST_FILE, RECORD_FOLDERS, readDataFolder, readManifestFile, readRecordFiles } from '../io/index.ts';

export interface DatasetCheck {
  dir: string;
  /** Files read: records, manifest, emission factors, scenarios, demand sets. */
  files: number;
  records: {
    sources: number;
    nodes: number;
    links: number;
    services: number;
    rates: number;
    emissionFactors: number;
    scenarios: number;
    demandSets: number;
  };
  issues: Issue[];
  warnings: Issue[];
}

/** Reference codes of the network checks, and the folder of the record they point at. */
const REFERENCE_CODES: Readonly<Record<string, string>> = {
  unknown_node: 'nodes',
  unknown_service: 'services',
  unknown_source: 'sources',
};

/** Folders the program reads; anything else holding YAML is reported as not read. */
// appraisal/: read by `keruen appraise` (io/appraisal.ts), which checks its own files and sources.
// exports/: read by `keruen exports` and GET /exports (io/exports.ts), checked below (checkExports).
const KNOWN_FOLDERS = new Set<string>([...RECORD_FOLDERS, 'emissions', 'scenarios', 'demand', 'appraisal', 'exports']);

const folderOf = (file: string | undefined): string => file?.split('/')[0] ?? '';

/** What the checks found so far: each step appends to both lists, in the order the files are read. */
export interface Findings {
  issues: Issue[];
  warnings: Issue[];
}

type RecordCounts = DatasetCheck['records'];
type TextFile = { path: string; text: string };

export function checkDatasetDir(dir: string): DatasetCheck {
  const records: RecordCounts = {
    sources: 0,
    nodes: 0,
    links: 0,
    services: 0,
    rates: 0,
    emissionFactors: 0,
    scenarios: 0,
    demandSets: 0,
  };
  const read = readRecordFiles(dir);
  let files = read.files.length + read.issues.length;
  if (files === 0) {
    const issues = [
      { code: 'empty_dataset', file: dir, message: `no YAML files under ${RECORD_FOLDERS.join('/, ')}/` },
    ];
    return { dir, files, records, issues, warnings: [] };
  }
  const out: Findings = { issues: [], warnings: [] };
  const network = checkNetworkRecords(read, records, out);
  files += checkManifest(dir, out);
  files += checkEmissionFactors(dir, records, out);
  files += checkScenarios(dir, network, records, out);
  files += checkDemandSets(dir, network, records, out);
  files += checkExports(dir, network, out);
  out.warnings.push(...unreadYaml(dir));
  return { dir, files, records, issues: out.issues, warnings: out.warnings };
}

/** Warns about files that are empty or only comments. */
export function warnBlank(files: readonly TextFile[], out: Findings): void {
  for (const f of files)
    if (isBlankYaml(f.text))
      out.warnings.push({
        code: 'empty_file',
        file: f.path,
        message: 'the file is empty or only comments: no records',
      });
}

/**
 * 1. The network records: their schemas, then the cross-record checks. Counts the records that parsed; returns
 * the network when it could be built.
 */
function checkNetworkRecords(
  read: ReturnType<typeof readRecordFiles>,
  records: RecordCounts,
  out: Findings,
): Network | undefined {
  warnBlank(read.files, out);
  const parsed = parseDatasetFiles(read.files);
  const raw = parsed.raw;
  Object.assign(records, {
    sources: raw.sources.length,
    nodes: raw.nodes.length,
    links: raw.links.length,
    services: raw.services.length,
    rates: raw.rates.length,
  });
  const early = [...read.issues, ...parsed.issues];
  out.issues.push(...early);
  if (early.length > 0) {
    checkPartialReferences(raw, early, out);
    return undefined;
  }
  const built = tryBuildNetwork(raw, { name: 'unchecked', version: '0' });
  out.issues.push(...built.issues);
  out.warnings.push(...built.warnings);
  return built.network;
}

/**
 * The cross-record checks on the records that parsed, when some did not (`early`, the schema and syntax
 * issues): a reference to a record that failed its own schema is dropped (the typo is reported once), and
 * references into a folder where a whole file failed are not checked (one warning per folder).
 */
export function checkPartialReferences(raw: RawDataset, early: readonly Issue[], out: Findings): void {
  const refs = validateReferences(raw);
  // Ids of records that failed their schema, by folder; folders where a whole file failed.
  const failed = new Set(early.filter((i) => i.id !== undefined).map((i) => `${folderOf(i.file)}/${i.id}`));
  const lost = new Set(early.filter((i) => i.id === undefined).map((i) => folderOf(i.file)));
  const dropped = new Set<string>();
  for (const i of refs.issues) {
    const folder = REFERENCE_CODES[i.code];
    if (folder !== undefined && lost.has(folder)) dropped.add(folder);
    else if (!(folder !== undefined && typeof i.value === 'string' && failed.has(`${folder}/${i.value}`)))
      out.issues.push(i);
  }
  for (const folder of dropped)
    out.warnings.push({
      code: 'not_checked',
      file: `${folder}/`,
      message: `references to ${folder} not checked: a file there could not be parsed`,
    });
  out.warnings.push(...refs.warnings);
}

/** 2. The manifest. Returns the number of files read (0 when it is missing). */
function checkManifest(dir: string, out: Findings): number {
  const manifest = readManifestFile(dir);
  out.issues.push(...manifest.issues);
  return manifest.issues[0]?.code !== 'missing_manifest' ? 1 : 0;
}

/** 3. Emission factors (data/emissions/*.yaml, as the routing context loads them). Returns the files read. */
function checkEmissionFactors(dir: string, records: RecordCounts, out: Findings): number {
  const em = readDataFolder(dir, 'emissions', false);
  if (!em.exists) {
    out.warnings.push({
      code: 'missing_folder',
      file: 'emissions/',
      message: 'no emission factors: route and scenario commands cannot load this folder',
    });
    return 0;
  }
  out.issues.push(...em.issues);
  warnBlank(em.files, out);
  const r = parseEmissionFactors(em.files);
  out.issues.push(...r.issues);
  if (r.factors !== undefined) records.emissionFactors = countEmissionFactors(r.factors);
  return em.files.length + em.issues.length;
}

/** Records of a factor set: sources, TOCs, HOCs, grid and traction factors, energy carriers, conventions. */
export function countEmissionFactors(f: EmissionFactors): number {
  return (
    f.sources.size +
    f.tocs.size +
    f.hocs.size +
    f.grid.size +
    f.traction.size +
    f.energy.size +
    Object.keys(f.conventions).length
  );
}

const notChecked = (what: string): Issue => ({
  code: 'not_checked',
  file: `${what}/`,
  message: `${what} not checked against the network: the network has problems`,
});

/** 4. Scenarios: their schema, then against the network (when there is one). Returns the files read. */
function checkScenarios(dir: string, network: Network | undefined, records: RecordCounts, out: Findings): number {
  const sc = readDataFolder(dir, 'scenarios');
  out.issues.push(...sc.issues);
  const scenarios = parseScenarioFiles(sc.files);
  out.issues.push(...scenarios.issues);
  records.scenarios = scenarios.scenarios.length;
  if (network !== undefined) for (const s of scenarios.scenarios) out.issues.push(...checkScenario(network, s));
  else if (scenarios.scenarios.length > 0) out.warnings.push(notChecked('scenarios'));
  return sc.files.length + sc.issues.length;
}

/**
 * 5. Demand sets (data/demand/*.yaml, as the server lists them): their schema, then their nodes and sources
 * (when there is a network). Returns the files read.
 */
function checkDemandSets(dir: string, network: Network | undefined, records: RecordCounts, out: Findings): number {
  const dm = readDataFolder(dir, 'demand', false);
  out.issues.push(...dm.issues);
  const demands: DemandSet[] = [];
  for (const f of dm.files) {
    const r = parseDemandText(f.path, f.text);
    out.issues.push(...r.issues);
    if (r.demand) demands.push(r.demand);
  }
  records.demandSets = demands.length;
  if (network !== undefined)
    for (const d of demands) out.issues.push(...checkDemand(network, d).map((i) => ({ ...i, id: i.id ?? d.id })));
  else if (demands.length > 0) out.warnings.push(notChecked('demand'));
  return dm.files.length + dm.issues.length;
}

/** The exports dataset (data/exports, issue 18): its records, and the nodes, links and commodities they name. */
function checkExports(dir: string, network: Network | undefined, out: Findings): number {
  const ex = readDataFolder(dir, 'exports');
  const parsed = parseExportsFiles(ex.files);
  out.issues.push(...ex.issues, ...parsed.issues);
  if (network !== undefined && ex.files.length > 0 && parsed.issues.length === 0) {
    try {
      checkExportsDataset(network, parsed.dataset);
    } catch (e) {
      out.issues.push(...((e as { issues?: Issue[] }).issues ?? []).map((i) => ({ ...i, file: i.file ?? 'exports/' })));
    }
  }
  return ex.files.length + ex.issues.length;
}

/** YAML files in the folder that no loader reads (a misspelt folder, a file at the top). */
function unreadYaml(dir: string): Issue[] {
  const out: Issue[] = [];
  const known = `not under ${[...KNOWN_FOLDERS].join('/, ')}/`;
  const note = (file: string, why = known) =>
    out.push({ code: 'not_read', file, message: `not read by keruen: ${why}` });
  const hasYaml = (p: string): boolean =>
    readdirSync(p).some((n) => /\.ya?ml$/.test(n) || (isDir(join(p, n)) && hasYaml(join(p, n))));
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (isDir(p)) {
      if (!KNOWN_FOLDERS.has(name) && hasYaml(p)) note(`${name}/`);
      // emissions/ and demand/ are read without their subfolders.
      else if (name === 'emissions' || name === 'demand')
        for (const sub of readdirSync(p).sort())
          if (isDir(join(p, sub)) && hasYaml(join(p, sub)))
            note(`${name}/${sub}/`, `${name}/ is read without subfolders`);
    } else if (/\.ya?ml$/.test(name) && name !== MANIFEST_FILE) note(name);
  }
  return out;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};
