'use client';

import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Alert, Button, Group, Modal, TextInput } from '@mantine/core';
import { useState } from 'react';
import { api } from '@/components/api';

const schema = z.object({ name: z.string().trim().min(1, 'Give the install a name').max(100, 'At most 100 characters') });
type Values = z.infer<typeof schema>;

export function NewInstallModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, formState, reset } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: '' } });

  const close = () => {
    reset();
    setProblem(null);
    onClose();
  };

  const onSubmit = async (values: Values) => {
    const r = await api('POST /api/installs', { body: { name: values.name.trim() } });
    if (r.ok) router.push(`/installs/${r.data.id}`);
    else setProblem(r.errors[0]?.message ?? r.message);
  };

  return (
    <Modal opened={opened} onClose={close} title="New install" centered>
      <form onSubmit={handleSubmit(onSubmit)} noValidate>
        <TextInput
          label="Install name"
          description="For you only, e.g. “prod Beijing”"
          data-autofocus
          {...register('name')}
          error={formState.errors.name?.message}
        />
        {problem && (
          <Alert color="red" mt="md" role="alert">
            {problem}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            Create
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
