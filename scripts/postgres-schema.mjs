// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the one schema we edit):
// same models, provider postgresql, client generated to its own folder. A unit test fails when
// the committed copy is stale, so the two can never drift. Usage: node scripts/postgres-schema.mjs [--check]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const source = readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');

export function derivePostgresSchema(sqliteSchema) {
  const header = '// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not edit.\n';
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/(engineType\s*=\s*"client")/, '$1\n  output     = "../../node_modules/.prisma/client-postgres"');
  if (out === sqliteSchema) throw new Error('prisma/schema.prisma: datasource or generator not found');
  return header + out;
}

const target = path.join(root, 'prisma/postgres/schema.prisma');
const derived = derivePostgresSchema(source);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== derived) {
    console.error('prisma/postgres/schema.prisma is stale: run node scripts/postgres-schema.mjs');
    process.exit(1);
  }
} else {
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, derived);
}
