import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Issue 27, item 5: no module of src/, server/ or scripts/ reaches itself through its
 * imports. Type-only imports count: a type cycle still ties two modules into
 * one, and is the first step to a value cycle. eslint-plugin-import's
 * no-cycle would say the same, but it is not a dependency; the compiler that
 * typechecks the project resolves imports exactly as the build does.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const ROOMS = ['src', 'server', 'scripts'].map((room) => join(ROOT, room) + sep);

function compilerOptions(): ts.CompilerOptions {
  const file = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json');
  if (!file) throw new Error('no tsconfig.json at the root');
  const { config } = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config, ts.sys, ROOT).options;
}

/** The TypeScript files of src/, server/ and scripts/, as the compiler lists them. */
function sourceFiles(): string[] {
  const parsed = ts.parseJsonConfigFileContent(
    { include: ['src', 'server', 'scripts'] },
    ts.sys,
    ROOT,
  );
  return parsed.fileNames.filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'));
}

/** Every import, re-export, `import()` and `import type` of each file that lands in src/ or server/. */
function importGraph(): Map<string, string[]> {
  const options = compilerOptions();
  const files = sourceFiles();
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule;
      const target = resolved?.resolvedFileName;
      if (!target || resolved.isExternalLibraryImport || target.endsWith('.d.ts')) continue;
      if (ROOMS.some((room) => target.startsWith(room))) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** The strongly connected components of more than one module, or of one that imports itself (Tarjan). */
function tangles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];

  function visit(node: string): void {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
  }

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One cycle inside a tangle, as a path that starts and ends at the same module. */
function oneCycle(graph: Map<string, string[]>, tangle: string[]): string[] {
  const members = new Set(tangle);
  const start = [...tangle].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return tangle;
}

describe('imports (issue 27: no cycles)', () => {
  const graph = importGraph();

  it('sees the whole of src/, server/ and scripts/', () => {
    const names = [...graph.keys()].map((file) => relative(ROOT, file));
    expect(names).toContain(join('src', 'backend', 'domain', 'accounts.ts'));
    expect(names).toContain(join('server', 'main.ts'));
    expect(names).toContain(join('scripts', 'bench', 'server-growth', 'growth-report.ts'));
    // An import through the @/ alias resolves like any other.
    expect(graph.get(join(ROOT, 'src', 'backend', 'domain', 'sessions.ts'))).toContain(
      join(ROOT, 'src', 'api', 'app-paths.ts'),
    );
  });

  it('has no module that reaches itself through its imports, type-only ones included', () => {
    const cycles = tangles(graph).map((tangle) =>
      oneCycle(graph, tangle)
        .map((file) => relative(ROOT, file))
        .join(' -> '),
    );
    expect(cycles).toEqual([]);
  });
});
