import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../api/fieldErrors';
import { ME_QUERY_KEY } from '../session/queries';
import { useSession } from '../session/SessionContext';
import { FormError } from '../ui/FormError';
import { useNotify } from '../ui/notificationsContext';
import { updateName } from './api';
import { ProfileSection } from './ProfileSection';

export function NameForm() {
  const me = useSession();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [name, setName] = useState(me.user.name);
  const [clientError, setClientError] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: updateName,
    onSuccess: (updated) => {
      queryClient.setQueryData(ME_QUERY_KEY, updated);
      notify({ kind: 'success', title: 'Name saved' });
    },
  });
  const serverError = fieldErrorText(save.error, 'name', 'Name');

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setClientError('Enter your name.');
      return;
    }
    setClientError(undefined);
    save.mutate(trimmed);
  }

  return (
    <ProfileSection title="Name" description="How EduLedger shows you to others.">
      <form onSubmit={handleSubmit} noValidate aria-label="Name">
        <Stack gap="md">
          {save.isError && serverError === undefined && (
            <FormError title="Your name could not be saved" error={save.error} />
          )}
          <TextInput
            label="Name"
            autoComplete="name"
            required
            maxLength={200}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={clientError ?? serverError}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save name
            </Button>
          </Group>
        </Stack>
      </form>
    </ProfileSection>
  );
}
