/**
 * ksw/import-boundaries: the import rules of ARCHITECTURE.md, as lint.
 *   - client code (components/**, app/**\/_components/**, and any file that starts with 'use client')
 *     imports only lib/, components/ and other client code (an app/ _components folder) — never
 *     server/, app/api or a server component's module, never a Node built-in or a server-only package;
 *   - lib/ (shared by server and browser) imports nothing of server/, app/ or components/, and (but
 *     in its tests) no Node built-in or server-only package.
 * Server components (page.tsx, layout.tsx and their helpers outside _components) and app/api route
 * handlers may import server/.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const SERVER_PACKAGES = /^(ssh2|pg|better-sqlite3|socket\.io|@prisma\/.*|prisma|next\/headers|server-only)$/;
const BUILTINS = new Set(builtinModules);
const isBuiltin = (source) => source.startsWith('node:') || BUILTINS.has(source.split('/')[0]);

const ROOT = process.cwd();

/** The repository path an import names, or null for a package. */
function targetOf(file, source) {
  if (source.startsWith('@/')) return source.slice(2);
  if (source.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(file), source)).split(path.sep).join('/');
  return null;
}

const startsUseClient = (ast) => {
  const first = ast.body[0];
  return first?.type === 'ExpressionStatement' && first.directive === 'use client';
};

const isClientPath = (rel) => rel.startsWith('components/') || /^app\/(.*\/)?_components\//.test(rel);
const isTest = (rel) => /\.test\.tsx?$/.test(rel) || rel.includes('/test-support/');

const rule = {
  meta: { type: 'problem', schema: [], messages: { boundary: '{{what}} may not import {{source}}: {{why}}' } },
  create(context) {
    const rel = path.relative(ROOT, context.filename).split(path.sep).join('/');
    const client = isClientPath(rel) || startsUseClient(context.sourceCode.ast);
    const lib = rel.startsWith('lib/');
    if (!client && !lib) return {};
    const what = client ? 'client code' : 'lib/';
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      const target = targetOf(context.filename, source);
      let why;
      if (target === null) {
        if (!isTest(rel) && (isBuiltin(source) || SERVER_PACKAGES.test(source))) why = 'a Node built-in or server-only package never reaches the browser';
      } else if (target.startsWith('server/') || target === 'server') {
        why = 'server modules stay on the server; put what the browser needs (types, pure helpers) in lib/';
      } else if (target.startsWith('app/api/')) {
        why = 'route handlers are server code';
      } else if (lib && !target.startsWith('lib/')) {
        why = 'lib/ is shared by server and browser and depends on nothing of the app';
      } else if (client && !(target.startsWith('lib/') || target.startsWith('components/') || isClientPath(target))) {
        why = 'client code imports only lib/ and components/';
      }
      if (why) context.report({ node: node.source, messageId: 'boundary', data: { what, source, why } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default { rules: { 'import-boundaries': rule } };
