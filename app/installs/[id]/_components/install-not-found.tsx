import Link from 'next/link';
import { Alert, Anchor, Title } from '@mantine/core';

/** The wizard page of an install that does not exist (deleted, or a mistyped address). */
export function InstallNotFound() {
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Cannot open the install
      </Title>
      <Alert color="red" role="alert">
        This install does not exist (it may have been deleted).{' '}
        <Anchor component={Link} href="/installs">
          Back to the installs
        </Anchor>
      </Alert>
    </>
  );
}
