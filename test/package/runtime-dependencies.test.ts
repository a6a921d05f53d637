import { readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What `npm ci --omit=dev` installs is what the commands and the server need: every package a
 * command's modules import (the worker threads' modules included) is a runtime dependency, and
 * every runtime dependency is imported by one of them. `.ci/run` proves the same end to end by
 * installing the packed package without dev dependencies and starting it.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** The `hoptac` command and every sub-command's module (it loads them on demand). */
const COMMANDS = [
  join(ROOT, 'bin/hoptac.js'),
  ...readdirSync(join(ROOT, 'src/cli'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, 'src/cli', file)),
];

/**
 * The modules a file loads when it runs: its static imports and re-exports that are not type-only,
 * and the modules it starts as worker threads (`module: new URL('./x.ts', import.meta.url)`, or
 * the URL handed to `new Worker`). Dynamic `import()` is left out: it is how a module loads a
 * package only on a path that needs it (`hoptac bench` loads the repository's benchmark that way).
 */
function loads(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier)) {
      const bindings = node.importClause?.namedBindings;
      const onlyTypes = bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly) && !node.importClause?.name;
      if (!onlyTypes) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'URL' && node.arguments?.length === 2 && startsWorker(node)) {
      const [target, base] = node.arguments;
      if (ts.isStringLiteral(target!) && base!.getText() === 'import.meta.url') found.push(target.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether a `new URL(…)` names a worker thread's module: the pool's `module:` option, or `new Worker(url)`. */
function startsWorker(url: ts.NewExpression): boolean {
  const parent = url.parent;
  if (ts.isPropertyAssignment(parent)) return parent.name.getText() === 'module';
  return ts.isNewExpression(parent) && parent.expression.getText() === 'Worker';
}

/** The packages the commands load at run time, each with a module that imports it, and the modules walked. */
function runtimePackages(): { packages: Map<string, string>; modules: Set<string> } {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...COMMANDS];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of loads(file)) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:') && !builtinModules.includes(specifier)) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        if (!packages.has(name)) packages.set(name, relative(ROOT, file));
      }
    }
  }
  return { packages, modules: new Set([...seen].map((file) => relative(ROOT, file))) };
}

describe('runtime dependencies', () => {
  const { packages: used, modules } = runtimePackages();

  it('finds the commands and what they load', () => {
    expect(COMMANDS.map((file) => relative(ROOT, file))).toContain('src/cli/start.ts');
    expect(used.get('neo4j-driver')).toBeDefined();
    expect(used.get('@apollo/server')).toBeDefined();
    expect(used.get('tsx')).toBe('bin/hoptac.js');
    // the worker threads' modules are walked too, though nothing imports them
    expect(modules).toContain('src/workers/extract-worker.ts');
    expect(modules).toContain('src/workers/analysis-worker.ts');
  });

  it('every package the commands and the server load is a runtime dependency', () => {
    const missing = [...used].filter(([name]) => !(name in manifest.dependencies)).map(([name, by]) => `${name} (imported by ${by})`);
    expect(missing).toEqual([]);
  });

  it('every runtime dependency is loaded by a command or the server (the rest belong in devDependencies)', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => !used.has(name));
    expect(unused).toEqual([]);
  });
});
