'use client';

/** The fields of each storage backend and the QingCloud API block: their field catalogue groups. */
import type { StorageBackend } from '@/lib/config/schema';
import { CatalogueFields } from './catalogue-fields';

export function BackendFields({ backend }: { backend: StorageBackend }) {
  return <CatalogueFields group={backend} />;
}

/** The shared QingCloud API block (QingCloud CSI and the QingCloud LB plugin). */
export function QingcloudApiFields() {
  return <CatalogueFields group="qingcloud-api" />;
}
