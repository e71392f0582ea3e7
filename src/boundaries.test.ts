import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The import rules of ARCHITECTURE.md ("Boundaries"), checked on every run so that a new cycle
 * or a reach into another feature's tables fails the build rather than waiting for a review.
 * Only imports that exist at run time count: `import type` vanishes when the code runs.
 */

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SRC);

/** Every TypeScript file under a folder, tests included (a test may reach into a repository). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The relative modules a file imports or re-exports at run time, as absolute paths. */
function runtimeImports(path: string, text: string): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of file.statements) {
    let spec: ts.Expression | undefined;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) spec = node.moduleSpecifier;
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      const typeOnly =
        node.isTypeOnly ||
        (node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      if (!typeOnly) spec = node.moduleSpecifier;
    }
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.'))
      out.push(resolve(dirname(path), spec.text));
  }
  return out;
}

/** The strongly connected components of more than one module (or a module importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, runtimeImports(f, readFileSync(f, 'utf8'))]));
const rel = (f: string) => relative(ROOT, f);
const featureOf = (f: string) => /^src\/features\/([^/]+)\//.exec(rel(f))?.[1] ?? null;

describe('import boundaries of src/', () => {
  it('finds the modules and their imports', () => {
    // A parser that found nothing would pass every rule below.
    expect(files.length).toBeGreaterThan(100);
    const appImports = graph.get(join(SRC, 'app.ts'))!.map(rel);
    expect(appImports).toContain('src/features/atlas/routes.ts');
  });

  it('has no import cycle', () => {
    expect(cycles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  it("has no module importing another feature's repository", () => {
    const reaches = [...graph].flatMap(([from, imports]) =>
      imports
        .filter((to) => /^src\/features\/[^/]+\/repository\.ts$/.test(rel(to)))
        .filter((to) => featureOf(to) !== featureOf(from))
        .map((to) => `${rel(from)} -> ${rel(to)}`),
    );
    expect(reaches).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('reads value imports and re-exports, not type-only ones', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C } from './c.ts';",
      "import { type D, d } from './d.ts';",
      "export { e } from '../e.ts';",
      "export type { F } from './f.ts';",
      "import x from 'node:fs';",
    ].join('\n');
    expect(runtimeImports('/p/q/m.ts', text)).toEqual(['/p/q/a.ts', '/p/q/d.ts', '/p/e.ts']);
  });

  it('finds a cycle exactly when an edge goes back along a path (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (n, pairs, x, y) => {
          // Edges from lower to higher numbers only: a DAG, so no cycle.
          const graph = new Map(Array.from({ length: n }, (_, i) => [String(i), [] as string[]]));
          for (const [p, q] of pairs) {
            const [a, b] = [p % n, q % n].sort((u, v) => u - v);
            if (a !== b) graph.get(String(a))!.push(String(b));
          }
          expect(cycles(graph)).toEqual([]);
          // A chain a → … → b plus the edge b → a is a cycle containing both.
          const [a, b] = [x % n, (x % n) + 1 + (y % (n - (x % n)))].map(String);
          if (Number(b) >= n) return;
          for (let i = Number(a); i < Number(b); i++) graph.get(String(i))!.push(String(i + 1));
          graph.get(b)!.push(a);
          const found = cycles(graph);
          expect(found.some((c) => c.includes(a) && c.includes(b))).toBe(true);
        },
      ),
    );
  });
});
