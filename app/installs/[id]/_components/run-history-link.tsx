'use client';
/** The wizard header's link to the install's run history, shown once the install has runs. */
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { Anchor } from '@mantine/core';
import { api } from '@/components/api';

export function RunHistoryLink({ installId }: { installId: string }) {
  const [runs, setRuns] = useState(0);
  useEffect(() => {
    let live = true;
    void api('GET /api/installs/:id/runs', { params: { id: installId } }).then((r) => {
      if (live && r.ok) setRuns(r.data.length);
    });
    return () => {
      live = false;
    };
  }, [installId]);
  if (runs === 0) return null;
  return (
    <Anchor component={Link} href={`/installs/${encodeURIComponent(installId)}/runs`} size="sm">
      Install runs ({runs})
    </Anchor>
  );
}
