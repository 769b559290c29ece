// The renderer computes nothing heavy on the UI thread: the negotiation engine, the export, the
// packet walk, the monitor's event application, the show-command output and the import of device
// configurations run in the engine worker (renderer/report-worker/). No module of the renderer
// outside that folder may import them as values, directly or through the report-worker modules it
// imports as values (the UI's side of the worker, such as client.ts, must not pull them in
// either). Type-only imports are fine: they vanish from the bundle.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const RENDERER = path.join(ROOT, 'renderer');
const WORKER_DIR = path.join(RENDERER, 'report-worker');

/** Modules that compute, by path from the repository root (no extension), and what of them is banned. */
const WORKER_ONLY: Record<string, 'all' | string[]> = {
  'shared/engine/report-cache': 'all',
  'shared/engine/negotiate': 'all',
  'shared/export/export': 'all',
  'shared/walk/walk': 'all',
  'shared/monitor/monitor': ['applyEvent'],
  'shared/monitor/engine-negotiator': 'all',
  'shared/show-commands/commands': 'all',
  'shared/import/import': 'all',
  'shared/import/assemble': 'all',
};

/** Renderer modules that run only inside the worker: the UI never imports them as values. */
const WORKER_SIDE = ['engine.worker', 'run-engine', 'worker-handler', 'monitor-session'].map((f) => `renderer/report-worker/${f}`);

interface ValueImport {
  /** The specifier as written. */
  from: string;
  /** The value names imported; '*' for a namespace, default, side-effect, re-export-all or dynamic import. */
  names: string[];
}

/** The imports of a module that bring values (not only types), from its source text. */
function valueImports(fileName: string, text: string): ValueImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: ValueImport[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (!clause) out.push({ from, names: ['*'] });
      else if (!clause.isTypeOnly) {
        const names: string[] = [];
        if (clause.name) names.push('*');
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
        if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) if (!e.isTypeOnly) names.push((e.propertyName ?? e.name).text);
        if (names.length > 0) out.push({ from, names });
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      const from = node.moduleSpecifier.text;
      const clause = node.exportClause;
      if (!clause || ts.isNamespaceExport(clause)) out.push({ from, names: ['*'] });
      else {
        const names = clause.elements.filter((e) => !e.isTypeOnly).map((e) => (e.propertyName ?? e.name).text);
        if (names.length > 0) out.push({ from, names });
      }
    } else if (ts.isImportEqualsDeclaration(node) && !node.isTypeOnly && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push({ from: node.moduleReference.expression.text, names: ['*'] });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      out.push({ from: arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed>', names: ['*'] });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** A specifier resolved to a path from the root without extension; undefined for packages. */
function resolve(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const abs = path.resolve(path.dirname(fromFile), specifier);
  return path.relative(ROOT, abs).split(path.sep).join('/').replace(/\.(tsx?|js)$/, '');
}

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []));
}

/** Why an import is refused, or undefined. */
function refusal(target: string | undefined, names: readonly string[]): string | undefined {
  if (target === undefined) return undefined;
  if (WORKER_SIDE.includes(target)) return `${target} runs only in the engine worker`;
  const banned = WORKER_ONLY[target];
  if (banned === undefined) return undefined;
  const hit = banned === 'all' ? names : names.filter((n) => n === '*' || banned.includes(n));
  return hit.length > 0 ? `${target} (${hit.join(', ')}) runs in the engine worker; ask it through renderer/report-worker/client.ts` : undefined;
}

interface Module {
  file: string;
  id: string;
  imports: { target: string | undefined; names: string[]; from: string }[];
}

function load(file: string): Module {
  const id = path.relative(ROOT, file).split(path.sep).join('/').replace(/\.tsx?$/, '');
  return { file, id, imports: valueImports(file, readFileSync(file, 'utf8')).map((i) => ({ ...i, target: resolve(file, i.from) })) };
}

/** Each UI module's refused imports, its own and those of the report-worker modules it reaches through value imports. */
function violations(all: Module[]): string[] {
  const byId = new Map(all.map((m) => [m.id, m]));
  const out: string[] = [];
  for (const start of all) {
    if (start.file.startsWith(WORKER_DIR + path.sep)) continue;
    const seen = new Set<string>([start.id]);
    const queue: { id: string; via: string[] }[] = [{ id: start.id, via: [] }];
    while (queue.length > 0) {
      const { id, via } = queue.shift() as { id: string; via: string[] };
      const m = byId.get(id);
      if (!m) continue;
      for (const i of m.imports) {
        const why = refusal(i.target, i.names);
        if (why) out.push(`${[start.id, ...via].join(' -> ')} imports ${why}`);
        else if (i.target?.startsWith('renderer/report-worker/') && !seen.has(i.target)) {
          seen.add(i.target);
          queue.push({ id: i.target, via: [...via, i.target] });
        }
      }
    }
  }
  return out;
}

describe('the renderer runs the domain only in the engine worker', () => {
  const all = modules(RENDERER).map(load);

  it('reads the modules it checks', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((m) => m.id === 'renderer/features/export/ExportPanel')).toBe(true);
    // The worker itself imports the domain: the check sees those imports.
    expect(all.find((m) => m.id === 'renderer/report-worker/run-engine')?.imports.some((i) => i.target === 'shared/engine/report-cache')).toBe(true);
  });

  it('no UI module imports the engine, export, walk, monitor events or show output as values', () => {
    expect(violations(all)).toEqual([]);
  });

  it('tells value imports from type-only ones (the check can fail)', () => {
    const names = (text: string) => valueImports('x.tsx', text).map((i) => `${i.from}:${i.names.join(',')}`);
    expect(names("import type { A } from './a';")).toEqual([]);
    expect(names("import { type A, type B } from './a';")).toEqual([]);
    expect(names("import { type A, b } from './a';")).toEqual(['./a:b']);
    expect(names("import { x as y } from './a';")).toEqual(['./a:x']);
    expect(names("import * as a from './a';")).toEqual(['./a:*']);
    expect(names("import d from './a';")).toEqual(['./a:*']);
    expect(names("import './a';")).toEqual(['./a:*']);
    expect(names("export { x } from './a';")).toEqual(['./a:x']);
    expect(names("export type { X } from './a';")).toEqual([]);
    expect(names("export * from './a';")).toEqual(['./a:*']);
    expect(names("const m = () => import('./a');")).toEqual(['./a:*']);
  });

  it('refuses the banned modules and names, and allows the rest of them', () => {
    expect(refusal('shared/export/export', ['exportDocument'])).toMatch(/engine worker/);
    expect(refusal('shared/export/export', ['isDesignFailure'])).toMatch(/engine worker/);
    expect(refusal('shared/monitor/monitor', ['applyEvent'])).toMatch(/applyEvent/);
    expect(refusal('shared/monitor/monitor', ['*'])).toMatch(/engine worker/);
    expect(refusal('shared/monitor/monitor', ['initialMonitorState'])).toBeUndefined();
    expect(refusal('renderer/report-worker/run-engine', ['computeNegotiationReport'])).toMatch(/only in the engine worker/);
    expect(refusal('shared/vendors/registry', ['vendorModule'])).toBeUndefined();
    expect(refusal(undefined, ['*'])).toBeUndefined();
  });

  it('follows value imports into the report-worker folder, and lets the worker import the domain', () => {
    const fake = (id: string, imports: Module['imports']): Module => ({ file: path.join(ROOT, `${id}.ts`), id, imports });
    const found = violations([
      fake('renderer/features/x/Panel', [{ from: '../../report-worker/helper', target: 'renderer/report-worker/helper', names: ['h'] }]),
      fake('renderer/report-worker/helper', [{ from: '../../shared/walk/walk', target: 'shared/walk/walk', names: ['walkPacket'] }]),
      fake('renderer/report-worker/run-engine', [{ from: '../../shared/engine/report-cache', target: 'shared/engine/report-cache', names: ['createReportCache'] }]),
      fake('renderer/features/y/Panel', [{ from: '../../report-worker/run-engine', target: 'renderer/report-worker/run-engine', names: ['computeNegotiationReport'] }]),
    ]);
    expect(found).toEqual([
      'renderer/features/x/Panel -> renderer/report-worker/helper imports shared/walk/walk (walkPacket) runs in the engine worker; ask it through renderer/report-worker/client.ts',
      'renderer/features/y/Panel imports renderer/report-worker/run-engine runs only in the engine worker',
    ]);
  });
});
