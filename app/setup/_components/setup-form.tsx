'use client';

import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Code, PasswordInput, Stack, TextInput } from '@mantine/core';
import { api, fetchAuthState } from '@/components/api';
import { AuthCard } from '@/components/auth-card';
import { MIN_ADMIN_PASSWORD } from '@/lib/api/auth-input';

const schema = z
  .object({
    token: z.string().trim().min(1, 'Paste the setup token from the server console'),
    password: z.string().min(MIN_ADMIN_PASSWORD, `Use at least ${MIN_ADMIN_PASSWORD} characters`),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The passwords do not match' });
type Values = z.infer<typeof schema>;

export function SetupForm() {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    mode: 'onTouched',
    defaultValues: { token: '', password: '', confirm: '' },
  });

  useEffect(() => {
    void fetchAuthState().then((s) => {
      if (s && !s.setupNeeded) router.replace(s.loggedIn ? '/installs' : '/login');
    });
  }, [router]);

  const onSubmit = async (values: Values) => {
    setProblem(null);
    const r = await api('POST /api/auth/setup', { body: { token: values.token, password: values.password } });
    if (r.ok) {
      router.replace('/installs');
      router.refresh();
      return;
    }
    if (r.status === 429) setProblem(`Too many attempts, wait ${r.retryAfter ?? 30} s.`);
    else if (r.status === 401 || r.status === 403) setProblem('That setup token is not valid. Copy it again from the server console.');
    else setProblem(r.errors[0]?.message ?? `Setup failed: ${r.message}`);
  };

  const { errors } = formState;
  return (
    <AuthCard
      title="First run"
      subtitle={
        <>
          Choose the admin password. The one-time setup token is printed in the server&apos;s console when it starts (look for <Code>setup token</Code> in its
          output).
        </>
      }
    >
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <Stack gap="sm">
          <TextInput label="Setup token" autoComplete="off" spellCheck={false} autoFocus {...register('token')} error={errors.token?.message} />
          <PasswordInput
            label="New admin password"
            description="At least 10 characters"
            autoComplete="new-password"
            {...register('password')}
            error={errors.password?.message}
          />
          <PasswordInput label="Repeat the password" autoComplete="new-password" {...register('confirm')} error={errors.confirm?.message} />
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Button type="submit" mt="sm" loading={formState.isSubmitting}>
            Set password and continue
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
