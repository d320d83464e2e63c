/**
 * Code shape: `npm run shape` (node --import tsx bench/code-shape.ts). The longest functions and the files over
 * 400 lines in src/ and web/src/ (TypeScript's own parser; a function's length is its line span, data tables
 * included), the figures that docs/architecture.md quotes. Deep imports are counted by test/architecture.test.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..');
const LONG_FUNCTION = 80;
const LONG_FILE = 400;

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) return listTs(p);
    return /\.ts$/.test(n) && !n.endsWith('.d.ts') ? [p] : [];
  });
}

interface Fn {
  file: string;
  name: string;
  lines: number;
}

function functionsOf(file: string): Fn[] {
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Fn[] = [];
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node, owner: string) => {
    let name = owner;
    if (
      ts.isFunctionDeclaration(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isConstructorDeclaration(node)
    ) {
      const named = (node as { name?: ts.Node }).name;
      name =
        named !== undefined
          ? named.getText(sf)
          : ts.isVariableDeclaration(node.parent)
            ? node.parent.name.getText(sf)
            : `${owner}(anonymous)`;
      if (ts.isConstructorDeclaration(node)) name = `${owner}.constructor`;
      out.push({ file: relative(ROOT, file), name, lines: line(node.getEnd()) - line(node.getStart(sf)) + 1 });
    } else if (ts.isClassDeclaration(node) && node.name) name = node.name.text;
    ts.forEachChild(node, (c) => visit(c, name));
  };
  visit(sf, '');
  return out;
}

const files = [...listTs(join(ROOT, 'src')), ...listTs(join(ROOT, 'web/src'))];
const fns = files.flatMap(functionsOf).sort((a, b) => b.lines - a.lines);
const longFiles = files
  .map((f) => ({ file: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length }))
  .filter((f) => f.lines > LONG_FILE)
  .sort((a, b) => b.lines - a.lines);
const log = (s: string) => process.stdout.write(`${s}\n`);
log(`functions over ${LONG_FUNCTION} lines: ${fns.filter((f) => f.lines > LONG_FUNCTION).length}`);
for (const f of fns.slice(0, 10)) log(`  ${String(f.lines).padStart(4)}  ${f.file}: ${f.name}`);
log(`files over ${LONG_FILE} lines: ${longFiles.length}`);
for (const f of longFiles) log(`  ${String(f.lines).padStart(4)}  ${f.file}`);
log(
  JSON.stringify({
    longestFunction: fns[0],
    functionsOver80: fns.filter((f) => f.lines > LONG_FUNCTION).length,
    filesOver400: longFiles,
  }),
);
