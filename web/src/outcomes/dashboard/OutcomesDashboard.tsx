import { Anchor, Card, Grid, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { queryString } from '../../api/queryString';
import { StatTiles } from '../../reports/StatTiles';
import { TableEmpty, TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TERM_STATUS } from '../labels';
import {
  COURSES_PAGE,
  IMPORT_PAGE,
  OFFERINGS_PAGE,
  PLO_PAGE,
  PROGRAMS_PAGE,
  REVIEW_PAGE,
  SECTIONS_PAGE,
  TERMS_PAGE,
} from '../pages';
import { DASHBOARD_KEY, getDashboard } from './api';
import { DashboardCard } from './DashboardCard';
import { FacultyCard } from './FacultyCard';
import { ImportsCard } from './ImportsCard';
import { COMPLETE_DEFINITION, formatPercent } from './labels';
import { LazyProgressChart } from './LazyProgressChart';
import { MembersCard } from './MembersCard';
import { ProgramTables } from './ProgramTables';
import { TermsCard } from './TermsCard';
import type { OutcomesDashboard as Dashboard } from './types';
import { UnassignedCard } from './UnassignedCard';

/** The URL parameter naming the term, so a dashboard link opens the same term. */
const TERM_PARAM = 'term';

function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const { sections, outcomes } = dashboard.totals;
  const stats = [
    { label: 'Sections', value: sections.total.toLocaleString() },
    { label: 'CLO results', value: outcomes.total.toLocaleString() },
    { label: '% complete', value: formatPercent(outcomes.percentComplete) },
    { label: 'Awaiting review', value: outcomes.byStatus.submitted.toLocaleString() },
    { label: 'Needs rework', value: outcomes.byStatus.needs_rework.toLocaleString() },
    ...(dashboard.unassigned
      ? [{ label: 'Unassigned sections', value: dashboard.unassigned.total.toLocaleString() }]
      : []),
  ];
  return <StatTiles stats={stats} label="Key figures of the term" />;
}

function ShortcutsCard({ dashboard }: { dashboard: Dashboard }) {
  const isAdmin = dashboard.scope === 'all';
  const links = [
    {
      to: `${REVIEW_PAGE.path}${queryString({ termId: dashboard.termId, status: 'submitted' })}`,
      label: 'Review submitted results',
    },
    {
      to: `${SECTIONS_PAGE.path}${queryString({ termId: dashboard.termId })}`,
      label: 'Sections of this term',
    },
    { to: PLO_PAGE.path, label: 'PLO dashboard' },
    { to: COURSES_PAGE.path, label: 'Courses and their CLOs' },
    { to: PROGRAMS_PAGE.path, label: 'Programs' },
    ...(isAdmin ? [{ to: IMPORT_PAGE.path, label: 'Import a CEI workbook' }] : []),
  ];
  return (
    <DashboardCard title="Go to">
      <Stack gap={6}>
        {links.map((link) => (
          <Anchor key={link.to} component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ))}
      </Stack>
    </DashboardCard>
  );
}

function NoTerms({ isAdmin }: { isAdmin: boolean }) {
  return (
    <TableEmpty
      title="No terms yet"
      description={
        isAdmin
          ? 'Add a term, or import a CEI workbook, to start tracking assessment.'
          : 'A tenant administrator adds the terms; their numbers appear here.'
      }
      action={
        isAdmin ? (
          <Group>
            <Anchor component={Link} to={TERMS_PAGE.path}>
              Add a term
            </Anchor>
            <Anchor component={Link} to={IMPORT_PAGE.path}>
              Import a CEI workbook
            </Anchor>
          </Group>
        ) : undefined
      }
    />
  );
}

function Progress({ dashboard }: { dashboard: Dashboard }) {
  const withSections = dashboard.programs.filter((p) => p.sections.total > 0);
  if (dashboard.totals.sections.total === 0) {
    return (
      <TableEmpty
        title="No sections in this term"
        description="Create offerings and their sections, or import them, to see progress here."
        action={
          <Anchor component={Link} to={OFFERINGS_PAGE.path}>
            Go to offerings
          </Anchor>
        }
      />
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {COMPLETE_DEFINITION}
      </Text>
      {withSections.length > 0 && <LazyProgressChart programs={withSections} />}
      <ProgramTables
        programs={dashboard.programs}
        totals={dashboard.totals}
        withTotals={dashboard.programs.length > 1}
      />
    </Stack>
  );
}

/**
 * The outcomes dashboard of tenant admins (every program, users, imports) and program admins
 * (their programs, faculty assignments, unassigned sections), for one term.
 */
export function OutcomesDashboard() {
  const [params, setParams] = useSearchParams();
  const chosen = params.get(TERM_PARAM);
  const query = useQuery({
    queryKey: [...DASHBOARD_KEY, chosen],
    queryFn: ({ signal }) => getDashboard(chosen, signal),
    placeholderData: keepPreviousData,
  });
  const dashboard = query.data;
  const chooseTerm = (termId: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (termId) next.set(TERM_PARAM, termId);
        else next.delete(TERM_PARAM);
        return next;
      },
      { replace: true },
    );

  return (
    <section aria-labelledby="outcomes-dashboard-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Title order={2} size="h3" id="outcomes-dashboard-heading">
            Outcomes assessment
          </Title>
          {dashboard && dashboard.terms.length > 0 && (
            <NativeSelect
              label="Term"
              w={260}
              value={dashboard.termId ?? ''}
              onChange={(event) => chooseTerm(event.currentTarget.value)}
              data={dashboard.terms.map((term) => ({
                value: term.id,
                label: `${term.name} (${TERM_STATUS[term.status].label.toLowerCase()})`,
              }))}
            />
          )}
        </Group>
        {query.isError && (
          <ErrorAlert
            title="The dashboard could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {query.isPending && <TableLoading label="Loading the dashboard…" />}
        {dashboard && (
          <Stack gap="md" opacity={query.isPlaceholderData ? 0.6 : 1} aria-busy={query.isFetching}>
            {dashboard.termId === null ? (
              <NoTerms isAdmin={dashboard.scope === 'all'} />
            ) : (
              <>
                <KeyFigures dashboard={dashboard} />
                <Card withBorder padding="md" component="section" aria-label="Progress by program">
                  <Stack gap="sm">
                    <Title order={3} size="h5">
                      Progress by program
                    </Title>
                    {dashboard.programs.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        You are not responsible for any program yet.
                      </Text>
                    ) : (
                      <Progress dashboard={dashboard} />
                    )}
                  </Stack>
                </Card>
              </>
            )}
            <Grid gap="md">
              {dashboard.unassigned && dashboard.termId !== null && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <UnassignedCard unassigned={dashboard.unassigned} termId={dashboard.termId} />
                </Grid.Col>
              )}
              {dashboard.faculty && dashboard.termId !== null && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <FacultyCard faculty={dashboard.faculty} />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, md: 6 }}>
                <TermsCard terms={dashboard.terms} termId={dashboard.termId} />
              </Grid.Col>
              {dashboard.members && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <MembersCard members={dashboard.members} />
                </Grid.Col>
              )}
              {dashboard.imports && (
                <Grid.Col span={{ base: 12, md: 6 }}>
                  <ImportsCard imports={dashboard.imports} />
                </Grid.Col>
              )}
              <Grid.Col span={{ base: 12, md: 6 }}>
                <ShortcutsCard dashboard={dashboard} />
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </Stack>
    </section>
  );
}
