'use client';

import { useEffect, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Center, Loader } from '@mantine/core';
import { api } from '@/components/api';
import type { InstallDetail } from './types';
import { Wizard } from './wizard';

/** Loads the install once; the wizard owns the form from then on. */
export function WizardLoader({ id }: { id: string }) {
  const [install, setInstall] = useState<InstallDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void api<InstallDetail>('GET', `/api/installs/${encodeURIComponent(id)}`).then((r) => {
      if (!alive) return;
      if (r.ok) setInstall(r.data);
      else setProblem(r.status === 404 ? 'This install does not exist (it may have been deleted).' : r.message);
    });
    return () => {
      alive = false;
    };
  }, [id]);

  if (problem) {
    return (
      <Alert color="red" title="Cannot open the install" role="alert">
        {problem}{' '}
        <Anchor component={Link} href="/installs">
          Back to the installs
        </Anchor>
      </Alert>
    );
  }
  if (!install) {
    return (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading the install" />
      </Center>
    );
  }
  return <Wizard install={install} />;
}
