import { Anchor, Container, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { NavItem } from '../../nav';
import { TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/notificationsContext';
import { createOne, ENGAGEMENT_KEY, updateOne } from '../api';
import { recordPath } from '../pages';
import { useRecord } from '../ui/Detail';
import { RecordForm, type FieldSpec, type FormValues } from './RecordForm';

interface RecordFormPageProps<K extends string, P, R extends { id: string }> {
  list: NavItem;
  resource: string;
  /** e.g. "volunteer". */
  noun: string;
  fields: readonly FieldSpec<K>[];
  schema: z.ZodType<P, FormValues<K>>;
  /** The form of a new record. */
  blank: FormValues<K>;
  /** The form of an existing record. */
  valuesOf: (record: R) => FormValues<K>;
  nameOf: (record: R) => string;
}

interface EditorProps<K extends string, P, R extends { id: string }> extends RecordFormPageProps<
  K,
  P,
  R
> {
  record?: R;
}

function Editor<K extends string, P, R extends { id: string }>(props: EditorProps<K, P, R>) {
  const { list, resource, noun, fields, schema, blank, valuesOf, nameOf, record } = props;
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (payload: P) =>
      record ? updateOne<R>(resource, record.id, payload) : createOne<R>(resource, payload),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY });
      notify({ kind: 'success', title: `${nameOf(saved)} ${record ? 'saved' : 'created'}` });
      void navigate(recordPath(list, saved.id));
    },
  });
  const back = record ? recordPath(list, record.id) : list.path;
  return (
    <RecordForm
      label={record ? `Edit ${noun}` : `New ${noun}`}
      fields={fields}
      initial={record ? valuesOf(record) : blank}
      schema={schema}
      submitLabel={record ? 'Save changes' : `Create ${noun}`}
      onSubmit={(payload) => save.mutate(payload)}
      pending={save.isPending}
      error={save.error}
      onCancel={() => void navigate(back)}
    />
  );
}

function EditExisting<K extends string, P, R extends { id: string }>(
  props: RecordFormPageProps<K, P, R> & { id: string },
) {
  const query = useRecord<R>(props.resource, props.id);
  if (query.isPending) return <TableLoading label={`Loading the ${props.noun}…`} />;
  if (query.isError) {
    return (
      <ErrorAlert
        title={`The ${props.noun} could not be loaded`}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <Editor {...props} record={query.data} />;
}

/** The page of a create form (without `id`) or an edit form (with it). */
export function RecordFormPage<K extends string, P, R extends { id: string }>(
  props: RecordFormPageProps<K, P, R> & { id?: string },
) {
  const { list, noun, id } = props;
  const heading = id ? `Edit ${noun}` : `New ${noun}`;
  return (
    <Container size="md" py="md">
      <title>{`${heading} · EduLedger`}</title>
      <Stack gap="md">
        <Anchor component={Link} to={id ? recordPath(list, id) : list.path} size="sm">
          ← {id ? `Back to the ${noun}` : `All ${list.label.toLowerCase()}`}
        </Anchor>
        <Title order={1}>{heading}</Title>
        {id ? <EditExisting {...props} id={id} /> : <Editor {...props} />}
      </Stack>
    </Container>
  );
}
