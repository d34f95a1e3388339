/** The import boundaries of ARCHITECTURE.md are lint (eslint-import-boundaries.js): what it refuses and what it lets through. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(import.meta.dirname, '..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'ksw/import-boundaries').map((m) => m.message);
}

describe('ksw/import-boundaries', () => {
  it('refuses server/, app/api, Node built-ins and server-only packages in client code', async () => {
    const code =
      "import { getDb } from '@/server/db';\nimport { x } from '../../../../server/http/errors';\nimport fs from 'node:fs';\nimport { Client } from 'ssh2';\nimport { GET } from '@/app/api/health/route';\nexport const all = [getDb, x, fs, Client, GET];\n";
    const errors = await boundaryErrors('app/installs/[id]/_components/probe.tsx', code);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/client code may not import @\/server\/db: server modules stay on the server/);
    // a 'use client' file outside _components is client code too
    expect(await boundaryErrors('app/installs/[id]/probe-client.tsx', `'use client';\n${code.replace('../../../../server', '../../../server')}`)).toHaveLength(
      5,
    );
    expect(await boundaryErrors('components/probe.ts', "import { getIo } from '../server/realtime/io';\nexport const x = getIo;\n")).toHaveLength(1);
  });

  it('keeps lib/ free of server/, app/ and components/', async () => {
    const errors = await boundaryErrors(
      'lib/api/probe.ts',
      "import { getDb } from '@/server/db';\nimport { api } from '@/components/api';\nimport pg from 'pg';\nexport const all = [getDb, api, pg];\n",
    );
    expect(errors).toHaveLength(3);
  });

  it('holds each server folder to its "may import" list', async () => {
    const errors = await boundaryErrors(
      'server/ssh/probe.ts',
      "import { getRunner } from '../runner/runner';\nimport { getDb } from '../db';\nimport { x } from '@/lib/seq';\nexport const all = [getRunner, getDb, x];\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^server\/ssh may not import \.\.\/runner\/runner: not in its "may import"/)]);
    expect(await boundaryErrors('server/realtime/probe.ts', "import { findSession } from '../auth/find-session';\nexport const x = findSession;\n")).toEqual(
      [],
    );
    expect(await boundaryErrors('server/realtime/probe.ts', "import { getRunner } from '@/server/runner/runner';\nexport const x = getRunner;\n")).toHaveLength(
      1,
    );
  });

  it('lets client code import lib/, components/ and packages, and server components import server/', async () => {
    const client =
      "'use client';\nimport { z } from 'zod';\nimport { api } from '@/components/api';\nimport type { RunView } from '@/lib/api/runs';\nimport { x } from './helper';\nexport const all: [unknown, unknown, RunView | null, unknown] = [z, api, null, x];\n";
    expect(await boundaryErrors('app/installs/[id]/_components/probe.tsx', client)).toEqual([]);
    expect(
      await boundaryErrors(
        'app/installs/[id]/probe/page.tsx',
        "import { requirePageSession } from '@/server/auth/page-guard';\nexport const x = requirePageSession;\n",
      ),
    ).toEqual([]);
    expect(await boundaryErrors('app/api/probe/route.ts', "import { getDb } from '@/server/db';\nexport const x = getDb;\n")).toEqual([]);
  });
});
