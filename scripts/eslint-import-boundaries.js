/**
 * ksw/import-boundaries: the import rules of ARCHITECTURE.md, as lint.
 *   - client code (components/**, app/**\/_components/**, and any file that starts with 'use client')
 *     imports only lib/, components/ and other client code (an app/ _components folder) — never
 *     server/, app/api or a server component's module, never a Node built-in or a server-only package;
 *   - lib/ (shared by server and browser) imports nothing of server/, app/ or components/, and (but
 *     in its tests) no Node built-in or server-only package.
 *   - each server/ folder imports only lib/, the shared core (database, env, storage errors) and the
 *     folders SERVER_IMPORTS lists for it: ARCHITECTURE.md's "may import" column (tests exempt).
 * Server components (page.tsx, layout.tsx and their helpers outside _components) and app/api route
 * handlers may import server/.
 */
import path from 'node:path';
import { builtinModules } from 'node:module';

const SERVER_PACKAGES = /^(ssh2|pg|better-sqlite3|socket\.io|@prisma\/.*|prisma|next\/headers|server-only)$/;
const BUILTINS = new Set(builtinModules);
const isBuiltin = (source) => source.startsWith('node:') || BUILTINS.has(source.split('/')[0]);

const ROOT = process.cwd();

/** What each server folder may import besides lib/, the core and itself (ARCHITECTURE.md's table). */
export const SERVER_IMPORTS = {
  'server/ssh': [],
  'server/crypto': [],
  'server/installer-profiles': [],
  'server/status': [],
  'server/auth': ['server/crypto', 'server/http'],
  'server/http': ['server/auth'],
  'server/realtime': ['server/auth', 'server/http'],
  'server/installs': ['server/crypto', 'server/http', 'server/runner'],
  'server/lab': ['server/http', 'server/installs', 'lab/state'],
  'server/preflight': [
    'server/ssh',
    'server/crypto',
    'server/http',
    'server/installer-profiles',
    'server/installs',
    'server/lab',
    'server/realtime',
    'lab/state',
  ],
  'server/install-gate': ['server/http', 'server/installs', 'server/preflight', 'server/runner'],
  'server/runner/taskbox': ['server/ssh', 'server/installer-profiles', 'server/runner', 'server/preflight', 'server/lab'],
  'server/runner': [
    'server/runner/taskbox',
    'server/http',
    'server/installer-profiles',
    'server/installs',
    'server/kubeconfig',
    'server/operations',
    'server/realtime',
  ],
  'server/operations': [
    'server/ssh',
    'server/http',
    'server/installer-profiles',
    'server/install-gate',
    'server/installs',
    'server/preflight',
    'server/runner',
  ],
  'server/kubeconfig': ['server/ssh', 'server/crypto', 'server/http', 'server/installer-profiles', 'server/installs', 'server/runner', 'server/runner/taskbox'],
};
/** Modules every server folder may use: the database, its JSON columns' decoder, the status writers, the environment, storage errors. */
const SERVER_CORE = /^server\/(db|db-batches|db-json|database|status|env|storage-errors|protect-database-files|run-migrations)(\/|\.ts$|$)/;
const SERVER_FOLDERS = Object.keys(SERVER_IMPORTS).sort((a, b) => b.length - a.length);
const serverFolderOf = (rel) => SERVER_FOLDERS.find((f) => rel === f || rel.startsWith(`${f}/`));

/** The repository path an import names, or null for a package. */
function targetOf(file, source) {
  if (source.startsWith('@/')) return source.slice(2);
  if (source.startsWith('.'))
    return path
      .relative(ROOT, path.resolve(path.dirname(file), source))
      .split(path.sep)
      .join('/');
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
    const serverFolder = isTest(rel) ? undefined : serverFolderOf(rel);
    if (serverFolder) return serverRule(context, serverFolder);
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

function serverRule(context, folder) {
  const allowed = SERVER_IMPORTS[folder];
  const check = (node) => {
    const source = node.source?.value;
    if (typeof source !== 'string') return;
    const target = targetOf(context.filename, source);
    if (target === null || target.startsWith('lib/') || SERVER_CORE.test(target)) return;
    const targetFolder = serverFolderOf(target) ?? target.split('/').slice(0, 2).join('/');
    if (targetFolder === folder || allowed.includes(targetFolder)) return;
    context.report({
      node: node.source,
      messageId: 'boundary',
      data: {
        what: folder,
        source,
        why: `not in its "may import" (ARCHITECTURE.md; SERVER_IMPORTS in scripts/eslint-import-boundaries.js): ${allowed.join(', ') || 'only lib/ and the core'}`,
      },
    });
  };
  return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
}

export default { rules: { 'import-boundaries': rule } };
