'use client';

import { Card, Text } from '@mantine/core';
import { FORM_GROUPS } from '@/lib/config/fields/form-groups';
import type { FormGroupId } from '@/lib/config/fields/types';
import { CatalogueFields } from './catalogue-fields';

/** A card of catalogue fields under the group's title. */
export function CatalogueCard({ group }: { group: FormGroupId }) {
  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        {FORM_GROUPS[group].title}
      </Text>
      <CatalogueFields group={group} />
    </Card>
  );
}

/** KubeSphere components and their sizes (vars.yml's second half). */
export function OptionsFields() {
  return (
    <>
      <CatalogueCard group="etcd" />
      <CatalogueCard group="monitoring" />
      <CatalogueCard group="devops" />
      <CatalogueCard group="email" />
    </>
  );
}
