import { Anchor, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TableLoading } from '../../table/TableStates';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useNotify } from '../../ui/notificationsContext';
import { deleteCourse, getCourse, OUTCOMES_KEY } from '../api';
import { COURSES_PAGE } from '../pages';
import type { CourseDetail } from '../types';
import { useInvalidateOutcomes } from '../ui/useInvalidate';
import { CourseForm } from './CourseForm';
import { CourseOutcomes } from './CourseOutcomes';
import { coursePath } from './CoursesPage';
import { DuplicateCourse } from './DuplicateCourse';

function Facts({ course }: { course: CourseDetail }) {
  const rows: [string, string][] = [
    ['Title', course.title ?? '—'],
    ['Credit hours', String(course.creditHours)],
    ['Programs', course.programs.map((p) => p.name).join(', ') || '—'],
    ['Offerings', String(course.offeringCount)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed" aria-label="Course">
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={200} scope="row">
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type Dialog = 'edit' | 'duplicate' | 'delete' | null;

/** `/outcomes/courses/:id`: a course, its CLOs, and what can be done with it. */
export function CoursePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const notify = useNotify();
  const invalidate = useInvalidateOutcomes();
  const [dialog, setDialog] = useState<Dialog>(null);
  const query = useQuery({
    queryKey: [...OUTCOMES_KEY, 'courses', 'one', id],
    queryFn: ({ signal }) => getCourse(id, signal),
  });
  const remove = useMutation({
    mutationFn: () => deleteCourse(id),
    onSuccess: async () => {
      await invalidate();
      notify({ kind: 'success', title: `Deleted ${query.data?.number ?? 'the course'}` });
      void navigate(COURSES_PAGE.path);
    },
  });
  const course = query.data;

  return (
    <Container size="xl" py="md">
      <title>{`${course?.number ?? 'Course'} · EduLedger`}</title>
      <Stack gap="md">
        <Anchor component={Link} to={COURSES_PAGE.path} size="sm">
          ← All courses
        </Anchor>
        {query.isPending && <TableLoading label="Loading the course…" />}
        {query.isError && (
          <>
            <Title order={1}>This course could not be shown</Title>
            <ErrorAlert
              title="The course could not be loaded"
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
          </>
        )}
        {course && (
          <>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={0}>
                <Title order={1}>{course.number}</Title>
                {course.title && <Text c="dimmed">{course.title}</Text>}
              </Stack>
              <Group gap="sm">
                <Button variant="default" onClick={() => setDialog('edit')}>
                  Edit
                </Button>
                <Button variant="default" onClick={() => setDialog('duplicate')}>
                  Duplicate
                </Button>
                {course.offeringCount === 0 && (
                  <Button variant="light" color="red" onClick={() => setDialog('delete')}>
                    Delete course
                  </Button>
                )}
              </Group>
            </Group>
            <Facts course={course} />
            <Title order={2} size="h4">
              Course learning outcomes
            </Title>
            <CourseOutcomes course={course} />
            {dialog === 'edit' && <CourseForm course={course} onClose={() => setDialog(null)} />}
            {dialog === 'duplicate' && (
              <DuplicateCourse
                course={course}
                onClose={() => setDialog(null)}
                onCreated={(created) => {
                  setDialog(null);
                  void navigate(coursePath(created.id));
                }}
              />
            )}
            <ConfirmModal
              opened={dialog === 'delete'}
              title={`Delete ${course.number}?`}
              confirmLabel="Delete course"
              color="red"
              onConfirm={() => remove.mutate()}
              onClose={() => setDialog(null)}
              pending={remove.isPending}
              error={remove.error}
            >
              <Text size="sm">The course and its {course.outcomeCount} CLO(s) are deleted.</Text>
            </ConfirmModal>
          </>
        )}
      </Stack>
    </Container>
  );
}
