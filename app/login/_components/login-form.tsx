'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { Alert, Button, PasswordInput } from '@mantine/core';
import { api, fetchAuthState } from '@/components/api';
import { AuthCard } from '@/components/auth-card';

// one required field: a react-hook-form rule, not a zod schema (zod would add ~30 KiB gzipped to the page)
interface Values {
  password: string;
}

export function LoginForm() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const { register, handleSubmit, formState, setFocus } = useForm<Values>({
    defaultValues: { password: '' },
  });

  useEffect(() => {
    void fetchAuthState().then((s) => {
      if (s?.setupNeeded) router.replace('/setup');
      else if (s?.loggedIn) router.replace('/installs');
    });
  }, [router]);

  useEffect(() => {
    if (waitUntil === null) return;
    const t = setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= waitUntil) setWaitUntil(null);
    }, 500);
    return () => clearInterval(t);
  }, [waitUntil]);

  const secondsLeft = waitUntil === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const onSubmit = async (values: Values) => {
    setProblem(null);
    const r = await api('POST /api/auth/login', { body: values });
    if (r.ok) {
      router.replace('/installs');
      router.refresh();
      return;
    }
    if (r.status === 429) {
      const wait = r.retryAfter ?? 30;
      setNow(Date.now());
      setWaitUntil(Date.now() + wait * 1000);
      setProblem(null);
    } else if (r.status === 401) {
      setProblem('Wrong password.');
    } else if (r.status === 409 || r.status === 403) {
      router.replace('/setup');
    } else {
      setProblem(`Login failed: ${r.message}`);
    }
    setFocus('password');
  };

  return (
    <AuthCard title="Log in" subtitle="This wizard holds root credentials for your cluster hosts.">
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <PasswordInput
          label="Admin password"
          autoComplete="current-password"
          data-autofocus
          autoFocus
          {...register('password', { required: 'Enter the admin password' })}
          error={formState.errors.password?.message}
        />
        {problem && (
          <Alert color="red" mt="md" role="alert">
            {problem}
          </Alert>
        )}
        {secondsLeft > 0 && (
          <Alert color="yellow" mt="md" role="alert">
            Too many attempts, wait {secondsLeft} s before trying again.
          </Alert>
        )}
        <Button type="submit" fullWidth mt="lg" loading={formState.isSubmitting} disabled={secondsLeft > 0}>
          Log in
        </Button>
      </form>
    </AuthCard>
  );
}
