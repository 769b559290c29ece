// The structure of shared/ as a graph of modules: no module reaches itself through its imports
// (type-only imports included: a circle of types is still two modules that cannot be understood
// apart), and the layer rule of eslint.config.js refuses an import that goes up a layer.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { sharedLayers } from '../../scripts/eslint/shared-layers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHARED = path.join(ROOT, 'shared');

function modules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? modules(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.[^']+)'/g)) {
    const target = path.resolve(path.dirname(file), m[1] as string);
    out.push(target.endsWith('.ts') ? target : `${target}.ts`);
  }
  return out;
}

/** One cycle of the graph, or undefined. Iterative depth-first search with colours. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const colour = new Map<string, 'grey' | 'black'>();
  for (const start of graph.keys()) {
    if (colour.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    colour.set(start, 'grey');
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { node: string; next: number };
      const edges = graph.get(top.node) ?? [];
      if (top.next >= edges.length) {
        colour.set(top.node, 'black');
        stack.pop();
        continue;
      }
      const to = edges[top.next++] as string;
      if (!graph.has(to)) continue;
      const c = colour.get(to);
      if (c === 'grey') return [...stack.slice(stack.findIndex((s) => s.node === to)).map((s) => s.node), to];
      if (c === undefined) {
        colour.set(to, 'grey');
        stack.push({ node: to, next: 0 });
      }
    }
  }
  return undefined;
}

describe('shared/ module graph', () => {
  const files = modules(SHARED);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('reads the imports it checks (the graph is not empty)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect([...graph.values()].reduce((n, e) => n + e.length, 0)).toBeGreaterThan(100);
  });

  it('has no import circle', () => {
    const cycle = findCycle(graph);
    expect(cycle?.map((f) => path.relative(ROOT, f)).join(' -> ')).toBeUndefined();
  });

  it('finds a circle when there is one (the check can fail)', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toBeUndefined();
  });
});

describe('the layer rule', () => {
  const tester = new RuleTester({ languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: 'module' } });
  const options = [{ root: ROOT, allowed: { net: [], model: ['net'], vendors: ['net', 'model'], engine: ['net', 'model', 'vendors'] } }];
  const at = (folder: string) => path.join(SHARED, folder, 'x.ts');
  it('allows imports downwards and within a folder, refuses upwards and unknown folders', () => {
    tester.run('shared-layers', sharedLayers, {
      valid: [
        { filename: at('engine'), code: "import { a } from '../vendors/registry';", options },
        { filename: at('engine'), code: "import { a } from './plan';", options },
        { filename: path.join(SHARED, 'vendors', 'panos', 'profile.ts'), code: "import type { a } from '../../model/document';", options },
        { filename: at('model'), code: "import { z } from 'zod';", options },
      ],
      invalid: [
        { filename: at('vendors'), code: "import type { Rule } from '../engine/report';", options, errors: [{ messageId: 'upward' }] },
        { filename: path.join(SHARED, 'vendors', 'panos', 'profile.ts'), code: "export { x } from '../../engine/report';", options, errors: [{ messageId: 'upward' }] },
        { filename: at('net'), code: "import { a } from '../model/document';", options, errors: [{ messageId: 'upward' }] },
        { filename: at('mystery'), code: "import { a } from '../net/address';", options, errors: [{ messageId: 'unknown' }] },
      ],
    });
  });
});
