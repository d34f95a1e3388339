'use client';

import { useCallback, useEffect, useState } from 'react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { api, fetchAuthState } from './api';
import { ColorSchemeMenu } from './color-scheme-menu';
import { DeferredMenu } from './deferred-menu';
import classes from './app-frame.module.css';
import { Logo } from './logo';

/**
 * The page chrome: a calm header with the product name and, when logged in, "Log out" and
 * "Log out everywhere" (ends every session of every browser, e.g. after a shared or lost laptop),
 * and the theme switch. On a phone the two log-out actions share one "Account" menu.
 */
export function AppFrame({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const [loggedIn, setLoggedIn] = useState(false);
  const [busy, setBusy] = useState<'logout' | 'logout-everywhere' | null>(null);

  useEffect(() => {
    let alive = true;
    void fetchAuthState().then((s) => {
      if (alive) setLoggedIn(Boolean(s?.loggedIn));
    });
    return () => {
      alive = false;
    };
  }, [pathname]);

  const logout = useCallback(
    async (which: 'logout' | 'logout-everywhere') => {
      setBusy(which);
      await api(which === 'logout' ? 'POST /api/auth/logout' : 'POST /api/auth/logout-everywhere', { body: {} });
      setBusy(null);
      setLoggedIn(false);
      router.push('/login');
      router.refresh();
    },
    [router],
  );

  return (
    <>
      <header className={classes.header}>
        <Group h="100%" px="md" justify="space-between">
          <Anchor component={Link} href="/installs" underline="never" c="inherit">
            <Group gap={8}>
              <Logo />
              <Text fw={700} size="lg">
                ks-wizard
              </Text>
              <Text size="sm" c="dimmed" visibleFrom="sm">
                HA KubeSphere 2.0.2 installer
              </Text>
            </Group>
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <ColorSchemeMenu />
            {loggedIn && (
              <>
                <Group gap={4} wrap="nowrap" visibleFrom="sm">
                  <Button variant="subtle" color="gray" onClick={() => void logout('logout')} loading={busy === 'logout'} disabled={busy !== null}>
                    Log out
                  </Button>
                  <Button
                    variant="subtle"
                    color="gray"
                    onClick={() => void logout('logout-everywhere')}
                    loading={busy === 'logout-everywhere'}
                    disabled={busy !== null}
                    title="End every session of every browser, this one included"
                  >
                    Log out everywhere
                  </Button>
                </Group>
                <DeferredMenu
                  target={
                    <Button variant="subtle" color="gray" hiddenFrom="sm" loading={busy !== null}>
                      Account
                    </Button>
                  }
                  entries={[
                    { label: 'Log out', onClick: () => void logout('logout') },
                    { label: 'Log out everywhere', onClick: () => void logout('logout-everywhere') },
                  ]}
                />
              </>
            )}
          </Group>
        </Group>
      </header>
      <main className={classes.main}>{children}</main>
    </>
  );
}
