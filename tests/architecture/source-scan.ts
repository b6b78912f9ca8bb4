// Reads the source folders with the TypeScript parser (not regular expressions) so that an import
// or an SQL word inside a comment is not taken for code, and a dynamic import() is.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const SOURCE_FOLDERS = [
  'electron',
  'renderer',
  'db',
  'codebooks',
  'model',
  'text',
  'i18n',
  'exchange',
  'analysis',
  'service',
  'cli',
  'server',
  'demo',
  'bench',
] as const;

const SOURCE_FILE = /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/;

export interface Place {
  /** Relative to the root, with forward slashes. */
  file: string;
  line: number;
}

export interface FolderImport extends Place {
  from: string;
  to: string;
  specifier: string;
}

export interface SqlUse extends Place {
  folder: string;
  what: string;
}

export interface Scan {
  imports: FolderImport[];
  sql: SqlUse[];
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

// Upper case only, as SQL is written here: "select a file from…" in an interface string is not SQL.
const SQL_TEXT = /\bSELECT\b[\s\S]*?\bFROM\b|\bINSERT\s+(?:OR\s+[A-Z]+\s+)?INTO\b|\bREPLACE\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b/;
const DB_METHODS = new Set(['prepare', 'transaction', 'pragma']);
// `.exec(` is also RegExp's: it counts only on a receiver named like a connection (db, ctx.db, projectDb, database).
const DB_RECEIVER = /(?:^|\.)\w*(?:db|Db|DB|database|Database|sqlite|Sqlite)$/;

function stringText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => `\${…}${s.literal.text}`).join('');
  return null;
}

function moduleSpecifier(node: ts.Node): string | null {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier.text;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const e = node.moduleReference.expression;
    return ts.isStringLiteral(e) ? e.text : null;
  }
  if (ts.isCallExpression(node)) {
    const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword;
    const required = ts.isIdentifier(node.expression) && node.expression.text === 'require';
    const arg = node.arguments[0];
    if ((dynamic || required) && arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) return arg.text;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
    return node.argument.literal.text;
  }
  return null;
}

/** Every relative import crossing from one source folder into another, and every SQL use, under `root`. */
export function scanSources(root: string, folders: readonly string[] = SOURCE_FOLDERS): Scan {
  const known = new Set(folders);
  const imports: FolderImport[] = [];
  const sql: SqlUse[] = [];
  for (const folder of folders) {
    let files: string[];
    try {
      files = [...sourceFiles(join(root, folder))];
    } catch {
      continue;
    }
    for (const path of files) {
      const file = relative(root, path).split(sep).join('/');
      const text = readFileSync(path, 'utf8');
      const kind = path.endsWith('x') ? ts.ScriptKind.TSX : path.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
      const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
      const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      const visit = (node: ts.Node): void => {
        const specifier = moduleSpecifier(node);
        if (specifier?.startsWith('.')) {
          const target = relative(root, resolve(dirname(path), specifier)).split(sep)[0]!;
          if (target !== folder && known.has(target)) imports.push({ from: folder, to: target, specifier, file, line: lineOf(node) });
        }
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
          const method = node.expression.name.text;
          const receiver = node.expression.expression.getText(source);
          if (DB_METHODS.has(method) || (method === 'exec' && DB_RECEIVER.test(receiver))) {
            sql.push({ folder, file, line: lineOf(node), what: `.${method}(` });
          }
        }
        const str = stringText(node);
        const found = str === null ? null : SQL_TEXT.exec(str);
        if (found) sql.push({ folder, file, line: lineOf(node), what: found[0].replace(/\s+/g, ' ').slice(0, 60) });
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { imports, sql };
}

/** Folder cycles (strongly connected components of two folders or more), each with the imports that close it. */
export function folderCycles(imports: readonly FolderImport[]): { folders: string[]; imports: FolderImport[] }[] {
  const next = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!next.has(i.from)) next.set(i.from, new Set());
    next.get(i.from)!.add(i.to);
  }
  // Tarjan's algorithm; the graph has a dozen nodes.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
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
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) connect(v);
  return components.map((folders) => ({
    folders,
    imports: imports.filter((i) => folders.includes(i.from) && folders.includes(i.to)),
  }));
}

export function describeCycles(cycles: ReturnType<typeof folderCycles>): string {
  return cycles
    .map((c) => {
      const edges = [...new Set(c.imports.map((i) => `${i.from} -> ${i.to}`))].sort();
      const lines = edges.map((edge) => {
        const files = c.imports.filter((i) => `${i.from} -> ${i.to}` === edge).map((i) => `    ${i.file}:${i.line} imports ${i.specifier}`);
        return [`  ${edge}`, ...files].join('\n');
      });
      return [`folders importing each other: ${c.folders.join(', ')}`, ...lines].join('\n');
    })
    .join('\n');
}
