/**
 * Keeps the layers ARCHITECTURE.md declares ("Layers"): reads its table,
 * parses every import of every module under src/ and scripts/ (static
 * `import` and `export … from`, `import('…')`, `import('…').Type` and the
 * `new URL('…', import.meta.url)` by which a worker or a hash names a file),
 * and fails on any import the table does not allow, naming the importing
 * file, the import and the fix. It also fails where a module that does not
 * run inside Astro reaches Astro's virtual modules (`astro:*`), where browser
 * code reaches Node's built-ins, where scripts/ or src/ import tests/ or
 * vitest, and where a relative import names a file that does not exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Where a row's code runs: `Astro` may use Astro's virtual modules; `browser` neither those nor Node's built-ins. */
type Runs = 'anywhere' | 'Astro' | 'browser';

interface Row {
  layer: string;
  /** Folders (ending in `/`) and files, relative to the repository. */
  units: string[];
  /** Units and layer names the row may import, as written. */
  mayImport: string[];
  runs: Runs;
  /** What lives there; for an exception, why it is one. */
  note: string;
}

interface Import {
  /** As written. */
  spec: string;
  line: number;
  /** Erased when compiled (`import type`, `import('…').T`): binds no module at run time. */
  typeOnly: boolean;
}

/** Every module and its imports, by path relative to the repository (`/`-separated). */
type Modules = ReadonlyMap<string, readonly Import[]>;

const EXCEPTION = 'exception';

/** The rows of the first table below the heading `## Layers`. */
function readLayerTable(markdown: string): Row[] {
  const section = markdown.split(/^## Layers\s*$/m)[1];
  if (section === undefined) throw new Error('ARCHITECTURE.md has no "## Layers" section');
  const lines = section.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const table: string[] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    table.push(line);
  }
  const cells = (line: string) =>
    line
      .slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined)
      .split('|')
      .map((c) => c.trim());
  const items = (cell: string) =>
    cell === '—' || cell === ''
      ? []
      : cell
          .split(',')
          .map((s) => s.trim().replace(/^`|`$/g, ''))
          .filter(Boolean);
  return table.slice(2).map((line) => {
    const [layer = '', units = '', mayImport = '', runs = '', note = ''] = cells(line);
    if (runs !== 'anywhere' && runs !== 'Astro' && runs !== 'browser')
      throw new Error(`ARCHITECTURE.md, Layers: "${runs}" is not anywhere, Astro or browser (row ${layer} ${units})`);
    return { layer, units: items(units), mayImport: items(mayImport), runs, note };
  });
}

/** The layer table read as rules: which unit a file is in, and what a unit may import. */
function layering(rows: readonly Row[]) {
  const layers = rows.filter((r) => r.layer !== EXCEPTION);
  const exceptions = rows.filter((r) => r.layer === EXCEPTION);
  const units = layers.flatMap((r) => r.units);
  const rowOf = new Map(layers.flatMap((r) => r.units.map((u) => [u, r] as const)));
  const expand = (item: string) => {
    const layer = layers.filter((r) => r.layer === item);
    return layer.length ? layer.flatMap((r) => r.units) : [item];
  };
  /** The units each unit may import: its row's own units and what the row lists. */
  const allowed = new Map(
    layers.flatMap((r) => r.units.map((u) => [u, new Set([...r.units, ...r.mayImport.flatMap(expand)])])),
  );
  /** The unit of a file: the longest folder or the file that holds it. */
  const unitOf = (file: string) =>
    units.filter((u) => (u.endsWith('/') ? file.startsWith(u) : file === u)).sort((a, b) => b.length - a.length)[0];
  const mayImport = (from: string, to: string) => from === to || (allowed.get(from)?.has(to) ?? false);
  return { layers, exceptions, units, rowOf, allowed, unitOf, mayImport };
}

/** What is wrong with the table itself: unknown names, and cycles (a layer table runs one way). */
function tableProblems(rows: readonly Row[], exists: (unit: string) => boolean): string[] {
  const { layers, units, allowed, rowOf } = layering(rows);
  const names = new Set([...units, ...layers.map((r) => r.layer)]);
  const problems: string[] = [];
  for (const r of layers) {
    for (const u of r.units) if (!exists(u)) problems.push(`ARCHITECTURE.md, Layers: ${u} does not exist`);
    for (const item of r.mayImport)
      if (!names.has(item))
        problems.push(
          `ARCHITECTURE.md, Layers: ${r.units.join(', ')} may import "${item}", which is no layer or folder of the table`,
        );
  }
  const state = new Map<string, 'open' | 'done'>();
  let circled = false;
  const visit = (u: string, path: string[]) => {
    if (state.get(u) === 'done') return;
    if (state.get(u) === 'open') {
      // One circle at a time: the others it makes through the same folders would repeat it.
      if (!circled)
        problems.push(
          `ARCHITECTURE.md, Layers: the table runs in a circle: ${[...path.slice(path.indexOf(u)), u].join(' → ')}`,
        );
      circled = true;
      return;
    }
    state.set(u, 'open');
    // The units of one row may import each other: a row is one step of the table.
    for (const next of allowed.get(u) ?? []) if (rowOf.get(next) !== rowOf.get(u)) visit(next, [...path, u]);
    state.set(u, 'done');
  };
  for (const u of units) visit(u, []);
  return problems;
}

const isTest = (file: string) => file.endsWith('.test.ts') || file.startsWith('tests/');
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0] ?? '');

/** The repository path a relative import names, or undefined for a package or virtual module. */
function target(from: string, spec: string): string | undefined {
  // A Vite query (`?worker&url`: a bundled script's address) names the same file.
  const path = spec.replace(/\?[^/]*$/, '');
  return path.startsWith('.') ? posix.normalize(posix.join(posix.dirname(from), path)) : undefined;
}

/**
 * Every import against the layer table, as one message each: the importing
 * file, the import, the rule and the fix. `exists` says whether a file is there.
 */
function layerViolations(rows: readonly Row[], modules: Modules, exists: (file: string) => boolean): string[] {
  const { rowOf, unitOf, mayImport, allowed, exceptions } = layering(rows);
  const out: string[] = [];
  const usedExceptions = new Set<Row>();
  const rowOfFile = (file: string) => {
    const unit = unitOf(file);
    return unit === undefined ? undefined : rowOf.get(unit);
  };

  /** Why a module needs Astro (the chain to `astro:*` or an .astro file), or undefined; through run-time imports only. */
  const astroChains = new Map<string, string[] | undefined>();
  const astroChain = (file: string): string[] | undefined => {
    if (astroChains.has(file)) return astroChains.get(file);
    astroChains.set(file, undefined);
    let chain: string[] | undefined = file.endsWith('.astro') ? [file] : undefined;
    for (const imp of modules.get(file) ?? []) {
      if (chain) break;
      if (imp.typeOnly) continue;
      if (imp.spec.startsWith('astro:')) chain = [file, imp.spec];
      const to = target(file, imp.spec);
      const further = to === undefined ? undefined : astroChain(to);
      if (further) chain = [file, ...further];
    }
    astroChains.set(file, chain);
    return chain;
  };
  /** The chain by which a module reaches a Node built-in, or undefined; through run-time imports only. */
  const nodeChains = new Map<string, string[] | undefined>();
  const nodeChain = (file: string): string[] | undefined => {
    if (nodeChains.has(file)) return nodeChains.get(file);
    nodeChains.set(file, undefined);
    let chain: string[] | undefined;
    for (const imp of modules.get(file) ?? []) {
      if (chain) break;
      if (imp.typeOnly) continue;
      if (isNodeBuiltin(imp.spec)) chain = [file, imp.spec];
      const to = target(file, imp.spec);
      const further = to === undefined ? undefined : nodeChain(to);
      if (further) chain = [file, ...further];
    }
    nodeChains.set(file, chain);
    return chain;
  };

  for (const [from, imports] of modules) {
    const fromUnit = unitOf(from);
    const row = rowOfFile(from);
    if (!isTest(from) && !row) {
      out.push(
        `${from} is in no row of ARCHITECTURE.md's layer table: add its folder to the table (what it may import, where it runs)`,
      );
      continue;
    }
    for (const imp of imports) {
      const at = `${from}:${imp.line} imports ${imp.spec}`;
      if (imp.spec === 'vitest' || imp.spec.startsWith('vitest/')) {
        if (!isTest(from)) out.push(`${at}: only tests may import vitest; move what it needs out of the test helpers`);
        continue;
      }
      const to = target(from, imp.spec);
      if (to === undefined) {
        if (!row || imp.typeOnly) continue;
        if (imp.spec.startsWith('astro:') && row.runs !== 'Astro')
          out.push(
            `${at}: ${fromUnit ?? from} runs ${row.runs}, outside Astro; take what it needs from Astro as arguments, given by a page or src/collections/`,
          );
        // A browser module's test runs in Node (it may drive a browser from there).
        if (isNodeBuiltin(imp.spec) && row.runs === 'browser' && !isTest(from))
          out.push(`${at}: browser code may not use Node's built-ins`);
        continue;
      }
      if (!exists(to)) {
        out.push(`${at}: there is no file ${to}`);
        continue;
      }
      if (isTest(to) && !isTest(from)) {
        out.push(
          to.startsWith('tests/')
            ? `${at}: only tests may import tests/ (its helpers import vitest); move what it needs to scripts/lib/ or src/, and let tests/helpers/ import it from there`
            : `${at}: only tests may import a test file`,
        );
        continue;
      }
      if (isTest(from) || !row || fromUnit === undefined) continue;
      const toUnit = unitOf(to);
      if (toUnit === undefined) {
        out.push(`${at}: ${to} is in no row of ARCHITECTURE.md's layer table: add its folder to the table`);
        continue;
      }
      const exception = exceptions.find((e) => e.units.includes(from) && e.mayImport.includes(to));
      if (exception) usedExceptions.add(exception);
      else if (!mayImport(fromUnit, toUnit)) {
        const common = [...(allowed.get(fromUnit) ?? [])].filter((u) => u !== fromUnit && mayImport(toUnit, u));
        const highest = common.filter((u) => !common.some((v) => v !== u && allowed.get(v)?.has(u)));
        const down = common.includes('src/rules/')
          ? ['src/rules/', ...highest.filter((u) => u !== 'src/rules/')]
          : highest;
        const upward = mayImport(toUnit, fromUnit) ? ' (an upward import)' : '';
        out.push(
          `${at}: ${fromUnit} may not import ${toUnit}${upward} (ARCHITECTURE.md, Layers); ` +
            (down.length
              ? `move the part both need down to a folder both may import (${down.join(', ')}), or pass it in as an argument`
              : `pass what it needs in as an argument`),
        );
      }
      if (imp.typeOnly) continue;
      const astro = row.runs === 'Astro' ? undefined : astroChain(to);
      if (astro)
        out.push(
          `${at}, which needs Astro (${astro.join(' → ')}): ${fromUnit} runs ${row.runs}; take what it needs as arguments, given by a page or src/collections/`,
        );
      const node = row.runs === 'browser' && toUnit !== fromUnit ? nodeChain(to) : undefined;
      if (node) out.push(`${at}, which uses Node's built-ins (${node.join(' → ')}): browser code may not`);
    }
  }
  for (const e of exceptions)
    if (!usedExceptions.has(e))
      out.push(
        `ARCHITECTURE.md, Layers: the exception ${e.units.join(', ')} → ${e.mayImport.join(', ')} is no longer used: remove its row`,
      );
  return out;
}

/** The code of a module the imports are read from: a whole script, or an Astro file's front matter and scripts. */
function codeOf(file: string, text: string): string[] {
  if (!file.endsWith('.astro')) return [text];
  const parts: string[] = [];
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  // Blank lines keep each part's line numbers those of the file.
  const pad = (index: number) => '\n'.repeat(text.slice(0, index).split('\n').length - 1);
  if (front) parts.push(pad(front.index + 4) + (front[1] ?? ''));
  for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    parts.push(pad(m.index + m[0].indexOf('>') + 1) + (m[1] ?? ''));
  }
  return parts;
}

/** Every import of a module's code, parsed by TypeScript (so an import written inside a string is not one). */
function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  for (const code of codeOf(file, text)) {
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const add = (spec: ts.Node, typeOnly: boolean) => {
      if (!ts.isStringLiteralLike(spec)) return;
      out.push({ spec: spec.text, typeOnly, line: source.getLineAndCharacterOfPosition(spec.getStart()).line + 1 });
    };
    const visit = (node: ts.Node) => {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const named =
          clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
        const typeOnly =
          clause !== undefined &&
          (clause.phaseModifier === ts.SyntaxKind.TypeKeyword ||
            (!clause.name &&
              named !== undefined &&
              named.elements.length > 0 &&
              named.elements.every((e) => e.isTypeOnly)));
        add(node.moduleSpecifier, typeOnly);
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
        const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause : undefined;
        add(
          node.moduleSpecifier,
          node.isTypeOnly ||
            (named !== undefined && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)),
        );
      } else if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments[0]
      ) {
        add(node.arguments[0], false);
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        add(node.argument.literal, true);
      } else if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'URL' &&
        node.arguments?.[0] &&
        ts.isStringLiteralLike(node.arguments[0]) &&
        node.arguments[0].text.startsWith('.') &&
        node.arguments[1]?.getText(source) === 'import.meta.url'
      ) {
        add(node.arguments[0], false);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const ROOT = join(import.meta.dirname, '..');
/** What the layers cover: the engine, its commands and Astro's configuration. Files named `_…` in scripts/ are local scratch (ESLint skips them too). */
const ROOTS = ['src', 'scripts'];
const EXTRA = ['astro.config.mjs'];

function repositoryModules(): Map<string, Import[]> {
  const files = [
    ...ROOTS.flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((f) =>
        posix.join(dir, f.split('\\').join('/')),
      ),
    ),
    ...EXTRA,
  ].filter((f) => /\.(ts|mts|astro|mjs)$/.test(f) && !f.startsWith('scripts/_'));
  return new Map(files.sort().map((f) => [f, importsOf(f, readFileSync(join(ROOT, f), 'utf8'))]));
}

const existsInRepository = (path: string) => existsSync(join(ROOT, path));

describe('layers (ARCHITECTURE.md)', () => {
  const rows = readLayerTable(readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8'));

  it('the table names folders that exist and runs one way', () => {
    expect(tableProblems(rows, existsInRepository)).toEqual([]);
  });

  it('reads every code file: no module of a kind it does not parse, no import it cannot place', () => {
    const unread = ROOTS.flatMap((dir) =>
      readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) =>
        /\.(js|cjs|cts|jsx|tsx|mdx)$/.test(f),
      ),
    );
    expect(unread).toEqual([]);
    // A root-absolute or aliased path (Vite's /src/…) would go round the table: imports are relative,
    // a package's or Node's.
    const unplaced = [...repositoryModules()].flatMap(([file, imports]) =>
      imports
        .filter((i) => /^[/~@]\//.test(i.spec) || i.spec.startsWith('/'))
        .map((i) => `${file}:${i.line} ${i.spec}`),
    );
    expect(unplaced).toEqual([]);
  });

  it('every import of src/ and scripts/ keeps to the table', () => {
    const modules = repositoryModules();
    expect(modules.size).toBeGreaterThan(100);
    expect(layerViolations(rows, modules, existsInRepository)).toEqual([]);
  });
});

describe('the layer check', () => {
  const TABLE = `## Layers

| layer | folders | may import | runs in | why |
| ----- | ------- | ---------- | ------- | --- |
| base | \`src/model/\` | — | anywhere | |
| rules | \`src/rules/\` | base | anywhere | |
| steps | \`src/search/\` | base, rules | anywhere | |
| steps | \`src/publish/\` | base, rules | anywhere | |
| collections | \`src/collections/\` | base, rules, steps | Astro | |
| site | \`src/pages/\` | base, rules, steps, collections, browser | Astro | |
| browser | \`src/scripts/\` | base, \`src/search/\` | browser | |
| tools | \`scripts/\` | base, rules, steps | anywhere | |
| exception | \`src/publish/poster.ts\` | \`src/search/names.ts\` | anywhere | a reason |
`;
  const rows = readLayerTable(`# Architecture\n\n${TABLE}\nMore text.\n`);
  const imp = (spec: string, typeOnly = false): Import => ({ spec, line: 3, typeOnly });
  const clean: Array<[string, Import[]]> = [
    ['src/model/routes.ts', []],
    ['src/model/content-root.ts', [imp('node:path')]],
    ['src/rules/problems.ts', [imp('../model/routes.ts')]],
    ['src/search/search-index.ts', [imp('../rules/problems.ts'), imp('node:crypto')]],
    ['src/search/names.ts', [imp('../model/routes.ts'), imp('astro:content', true)]],
    ['src/publish/output-gate.ts', [imp('../rules/problems.ts')]],
    ['src/publish/poster.ts', [imp('../search/names.ts')]],
    ['src/collections/content.ts', [imp('astro:content'), imp('../publish/output-gate.ts')]],
    ['src/pages/index.astro', [imp('../collections/content.ts'), imp('../scripts/search.ts')]],
    ['src/scripts/search.ts', [imp('../search/names.ts'), imp('../model/schema.ts', true)]],
    ['scripts/build.ts', [imp('../src/publish/output-gate.ts'), imp('../src/model/content-root.ts')]],
    ['src/publish/output-gate.test.ts', [imp('vitest'), imp('../search/search-index.ts')]],
  ];
  const check = (extra: Array<[string, Import[]]>) => {
    const modules = new Map([...clean, ...extra]);
    return layerViolations(
      rows,
      modules,
      (f) => modules.has(f) || f === 'src/model/schema.ts' || f.startsWith('tests/'),
    );
  };

  it('reads the table: layers, folders, what each may import, where it runs, exceptions', () => {
    expect(rows.map((r) => [r.layer, r.units, r.mayImport, r.runs])).toContainEqual([
      'steps',
      ['src/publish/'],
      ['base', 'rules'],
      'anywhere',
    ]);
    expect(rows.at(-1)).toMatchObject({ layer: 'exception', note: 'a reason' });
    expect(tableProblems(rows, () => true)).toEqual([]);
  });

  it('passes imports that keep to the table (type-only imports of Astro code included; tests import freely)', () => {
    expect(check([])).toEqual([]);
  });

  it('fails on a planted upward import, naming the file, the import and the fix', () => {
    expect(
      check([['src/publish/output-gate.ts', [imp('../rules/problems.ts'), imp('../search/search-index.ts')]]]),
    ).toEqual([
      'src/publish/output-gate.ts:3 imports ../search/search-index.ts: src/publish/ may not import src/search/ (ARCHITECTURE.md, Layers); move the part both need down to a folder both may import (src/rules/), or pass it in as an argument',
    ]);
    expect(check([['src/rules/problems.ts', [imp('../publish/output-gate.ts', true)]]])).toEqual([
      'src/rules/problems.ts:3 imports ../publish/output-gate.ts: src/rules/ may not import src/publish/ (an upward import) (ARCHITECTURE.md, Layers); move the part both need down to a folder both may import (src/model/), or pass it in as an argument',
    ]);
  });

  it('fails on Astro-bound imports outside Astro, through other modules too', () => {
    const found = check([
      ['src/publish/share.ts', [imp('../collections/content.ts')]],
      ['scripts/bench.ts', [imp('astro:content')]],
    ]);
    expect(found).toContain(
      'src/publish/share.ts:3 imports ../collections/content.ts, which needs Astro (src/collections/content.ts → astro:content): src/publish/ runs anywhere; take what it needs as arguments, given by a page or src/collections/',
    );
    expect(found).toContain(
      'scripts/bench.ts:3 imports astro:content: scripts/ runs anywhere, outside Astro; take what it needs from Astro as arguments, given by a page or src/collections/',
    );
  });

  it('fails on browser code that reaches Node, and on scripts or src importing tests or vitest', () => {
    const found = check([
      ['src/scripts/search.ts', [imp('../search/search-index.ts')]],
      ['scripts/audit.ts', [imp('../tests/helpers/browser.ts')]],
      ['src/search/names.ts', [imp('vitest')]],
    ]);
    expect(found).toEqual([
      'src/search/names.ts:3 imports vitest: only tests may import vitest; move what it needs out of the test helpers',
      "src/scripts/search.ts:3 imports ../search/search-index.ts, which uses Node's built-ins (src/search/search-index.ts → node:crypto): browser code may not",
      'scripts/audit.ts:3 imports ../tests/helpers/browser.ts: only tests may import tests/ (its helpers import vitest); move what it needs to scripts/lib/ or src/, and let tests/helpers/ import it from there',
    ]);
  });

  it('fails on files outside the table, missing files and exceptions no longer used', () => {
    const found = check([
      ['src/widgets/a.ts', []],
      ['src/model/age.ts', [imp('./nowhere.ts')]],
      ['src/publish/poster.ts', []],
    ]);
    expect(found).toEqual([
      "src/widgets/a.ts is in no row of ARCHITECTURE.md's layer table: add its folder to the table (what it may import, where it runs)",
      'src/model/age.ts:3 imports ./nowhere.ts: there is no file src/model/nowhere.ts',
      'ARCHITECTURE.md, Layers: the exception src/publish/poster.ts → src/search/names.ts is no longer used: remove its row',
    ]);
  });

  it('fails on a table that runs in a circle or names what is not there', () => {
    const circle = readLayerTable(
      TABLE.replace('| base | `src/model/` | — |', '| base | `src/model/` | `src/search/` |'),
    );
    expect(tableProblems(circle, (u) => u !== 'src/scripts/')).toEqual([
      'ARCHITECTURE.md, Layers: src/scripts/ does not exist',
      'ARCHITECTURE.md, Layers: the table runs in a circle: src/model/ → src/search/ → src/model/',
    ]);
  });

  it('reads imports as TypeScript does: static, re-exports, dynamic, types, worker files; not text in strings', () => {
    const code = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C } from './c.ts';",
      "export { d } from './d.ts';",
      "const e = await import('./e.ts');",
      "let f: import('./f.ts').F;",
      "new Worker(new URL('./g.ts', import.meta.url));",
      "const text = `import { h } from 'astro:content';`;",
    ].join('\n');
    expect(importsOf('src/x.ts', code).map((i) => [i.spec, i.typeOnly, i.line])).toEqual([
      ['./a.ts', false, 1],
      ['./b.ts', true, 2],
      ['./c.ts', true, 3],
      ['./d.ts', false, 4],
      ['./e.ts', false, 5],
      ['./f.ts', true, 6],
      ['./g.ts', false, 7],
    ]);
    const astro =
      "---\nimport A from './A.astro';\n---\n<p>import x from 'y'</p>\n<script>\n  import '../scripts/s.ts';\n</script>\n";
    expect(importsOf('src/pages/p.astro', astro).map((i) => [i.spec, i.line])).toEqual([
      ['./A.astro', 2],
      ['../scripts/s.ts', 6],
    ]);
  });
});
