import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../api/ApiError';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { OUTCOMES_KEY, submitSection } from '../api';
import { cloName, formatRate, orDash, OUTCOME_STATUS, rateOf, sectionName } from '../labels';
import { History } from '../sections/History';
import { NARRATIVES, Part, studentsOf } from '../sections/SectionView';
import type { Issue, SectionDetail, SectionOutcome } from '../types';
import { StatusBadge } from '../ui/StatusBadge';
import {
  EDITABLE,
  inputIdOf,
  mergeChecks,
  TOOL_MAX,
  valuesOf,
  type OutcomeField,
  type OutcomeValues,
  type SectionField,
  type SectionValues,
  type WorkValues,
} from './draft';
import { SaveStatus } from './SaveStatus';
import { useAutosave } from './useAutosave';

export const sectionKey = (id: string) => [...OUTCOMES_KEY, 'sections', 'one', id] as const;

/** The largest count an input takes: more students than any section has. */
const MAX_COUNT = 99_999;

const toCount = (value: number | string): number | null =>
  typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);

/** The problems of a 422 `validation_failed` reply, as the server listed them. */
function issuesOf(error: Error | null): Issue[] {
  if (!(error instanceof ApiError) || error.code !== 'validation_failed') return [];
  return error.rawDetails.filter(
    (d): d is Issue =>
      typeof d === 'object' && d !== null && typeof (d as Issue).message === 'string',
  );
}

interface FieldMessages {
  error?: string;
  warning?: string;
}

function ReworkNotice({ section }: { section: SectionDetail }) {
  const reworked = section.outcomes.filter((o) => o.status === 'needs_rework');
  if (reworked.length === 0) return null;
  // One request on several CLOs is one comment: shown once, naming its CLOs.
  const requests = new Map<string, { clos: string[]; actor: string | null; comment: string }>();
  for (const outcome of reworked) {
    const entry = section.history.find(
      (h) => h.sectionOutcomeId === outcome.id && h.action === 'request_rework',
    );
    if (!entry) continue;
    const comment = entry.comment ?? 'No comment.';
    const key = `${entry.actorLabel ?? ''}\n${comment}`;
    const request = requests.get(key) ?? { clos: [], actor: entry.actorLabel, comment };
    request.clos.push(cloName(section.course.number, outcome.courseOutcome.number));
    requests.set(key, request);
  }
  return (
    <Alert color="orange" variant="light" title="A reviewer asked for changes">
      <Stack gap={4}>
        {[...requests.entries()].map(([key, { clos, actor, comment }]) => (
          <Text size="sm" key={key} style={{ whiteSpace: 'pre-wrap' }}>
            <strong>{clos.join(', ')}</strong>
            {actor ? ` (${actor})` : ''}: {comment}
          </Text>
        ))}
        <Text size="sm">Fix what they asked for, then submit again.</Text>
      </Stack>
    </Alert>
  );
}

/** An issue under a field: errors in red, warnings in orange. */
const warningText = (warning?: string) =>
  warning ? (
    <Text span size="xs" c="orange.9">
      Warning: {warning}
    </Text>
  ) : undefined;

interface SectionWorkProps {
  section: SectionDetail;
}

/**
 * The instructor's work on a section (DOMAIN §3.2): the section's numbers, a row per CLO and the
 * narratives, saved as a draft while typing, checked as they go, then submitted for review.
 */
export function SectionWork({ section }: SectionWorkProps) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [values, setValues] = useState<WorkValues>(() => valuesOf(section));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [alertAdmins, setAlertAdmins] = useState(false);
  const name = sectionName(section);

  const store = (detail: SectionDetail) => {
    queryClient.setQueryData(sectionKey(detail.id), detail);
    void queryClient.invalidateQueries({ queryKey: [...OUTCOMES_KEY, 'my'], refetchType: 'none' });
  };
  const autosave = useAutosave(section.id, store, (error) => {
    // A CLO a reviewer has just moved cannot be edited any more: show where things stand.
    if (error instanceof ApiError && error.status === 409) {
      void queryClient.invalidateQueries({ queryKey: sectionKey(section.id) });
    }
  });
  const checks = mergeChecks(section, values, autosave.dirtyGroups);

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await autosave.flush())) {
        throw new Error('Your last changes could not be saved; retry saving, then submit.');
      }
      return submitSection(section.id, alertAdmins);
    },
    onSuccess: async (detail) => {
      store(detail);
      notify({ kind: 'success', title: `${name} submitted for review` });
      await queryClient.invalidateQueries({ queryKey: OUTCOMES_KEY });
    },
    onError: (error) => {
      if (error instanceof ApiError)
        void queryClient.invalidateQueries({ queryKey: sectionKey(section.id) });
    },
  });

  const touch = (key: string) =>
    setTouched((current) => (current.has(key) ? current : new Set(current).add(key)));

  function setSection<F extends SectionField>(field: F, value: SectionValues[F]) {
    setValues((current) => ({ ...current, section: { ...current.section, [field]: value } }));
    autosave.change({ section: { [field]: value }, outcomes: {} });
  }

  function setOutcome<F extends OutcomeField>(id: string, field: F, value: OutcomeValues[F]) {
    setValues((current) => {
      const previous = current.outcomes[id] ?? { took: null, passed: null, tool: '' };
      return {
        ...current,
        outcomes: { ...current.outcomes, [id]: { ...previous, [field]: value } },
      };
    });
    autosave.change({ section: {}, outcomes: { [id]: { [field]: value } } });
  }

  /** The problems of one field, shown once it has been touched or holds a value. */
  function messagesOf(outcomeId: string | null, field: string, hasValue: boolean): FieldMessages {
    const key = inputIdOf(outcomeId, field);
    if (!hasValue && !touched.has(key)) return {};
    const match = (i: Issue) => i.outcomeId === outcomeId && i.field === field;
    return {
      error: checks.errors.find(match)?.message,
      warning: checks.warnings.find(match)?.message,
    };
  }

  function focusIssue(issue: Issue) {
    const id = inputIdOf(issue.outcomeId, issue.field);
    touch(id);
    document.getElementById(id)?.focus();
  }

  const students = studentsOf(section);
  const s = values.section;
  const numberProps = {
    allowNegative: false,
    allowDecimal: false,
    min: 0,
    max: MAX_COUNT,
    clampBehavior: 'strict' as const,
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
      'label' | 'input' | 'description' | 'error'
    )[],
  };
  const sectionField = (field: 'passedCount' | 'dficCount', label: string) => {
    const messages = messagesOf(null, field, s[field] !== null);
    return (
      <NumberInput
        {...numberProps}
        id={inputIdOf(null, field)}
        label={label}
        value={s[field] ?? ''}
        onChange={(value) => setSection(field, toCount(value))}
        onBlur={() => touch(inputIdOf(null, field))}
        error={messages.error}
        description={warningText(messages.warning)}
      />
    );
  };
  const noteMessages = messagesOf(null, 'reconcileNote', s.reconcileNote.trim() !== '');
  const submitProblems = issuesOf(submit.error);
  const otherSubmitError = submit.error && submitProblems.length === 0 ? submit.error : null;
  const blocked = checks.errors.length > 0;
  const canSubmit = section.can.submit && !blocked;

  return (
    <Stack gap="lg">
      <ReworkNotice section={section} />
      <Part title="Students">
        <Card withBorder padding="md">
          <Stack gap="md">
            <Group gap="xl" aria-label="Enrollment">
              <Text size="sm">
                Enrolled: <strong>{orDash(section.enrollment)}</strong>
              </Text>
              <Text size="sm">
                Withdrawals: <strong>{orDash(section.withdrawals)}</strong>
              </Text>
              <Text size="sm">
                Students who stayed: <strong>{orDash(students)}</strong>
              </Text>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {sectionField('passedCount', 'Students passed (A, B or C)')}
              {sectionField('dficCount', 'Students with D, F or Incomplete')}
            </SimpleGrid>
            <Switch
              label="The numbers don’t reconcile"
              description="Passed + D/F/I should equal the students who stayed; if they can’t, say why."
              checked={s.cannotReconcile}
              onChange={(event) => setSection('cannotReconcile', event.currentTarget.checked)}
            />
            {s.cannotReconcile && (
              <Textarea
                id={inputIdOf(null, 'reconcileNote')}
                label="Why the numbers don’t reconcile"
                required
                rows={2}
                resize="vertical"
                maxLength={5000}
                value={s.reconcileNote}
                onChange={(event) => setSection('reconcileNote', event.currentTarget.value)}
                onBlur={() => touch(inputIdOf(null, 'reconcileNote'))}
                error={noteMessages.error}
              />
            )}
          </Stack>
        </Card>
      </Part>

      <Part title="Course learning outcomes">
        <Text size="sm" c="dimmed">
          {section.outcomes.length === 0
            ? 'The course has no CLOs yet: ask your program administrator to add them.'
            : 'For each CLO: the assessment tool, how many students took it and how many passed.'}
        </Text>
        {section.outcomes.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table aria-label="CLO results" verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="30%">CLO</Table.Th>
                  <Table.Th>Assessment tool</Table.Th>
                  <Table.Th w={130}>Took</Table.Th>
                  <Table.Th w={130}>Passed</Table.Th>
                  <Table.Th w={80}>Rate</Table.Th>
                  <Table.Th w={130}>Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {section.outcomes.map((outcome) => (
                  <CloRow
                    key={outcome.id}
                    courseNumber={section.course.number}
                    outcome={outcome}
                    values={values.outcomes[outcome.id] ?? { took: null, passed: null, tool: '' }}
                    numberProps={numberProps}
                    messagesOf={messagesOf}
                    onChange={setOutcome}
                    onBlur={touch}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Part>

      <Part title="Narratives">
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {NARRATIVES.map(({ key, label, hint }) => (
            <Textarea
              key={key}
              label={label}
              description={hint}
              rows={4}
              resize="vertical"
              maxLength={5000}
              value={s[key]}
              onChange={(event) => setSection(key, event.currentTarget.value)}
            />
          ))}
        </SimpleGrid>
      </Part>

      <Card withBorder padding="md" component="section" aria-label="Submit">
        <Stack gap="sm">
          <Group justify="space-between" align="center" wrap="wrap">
            <Title order={2} size="h4">
              Submit for review
            </Title>
            <SaveStatus
              state={autosave.state}
              error={autosave.error}
              onRetry={() => void autosave.flush()}
            />
          </Group>
          {blocked && (
            <IssueList
              title={`Fix ${String(checks.errors.length)} problem${checks.errors.length === 1 ? '' : 's'} before submitting`}
              color="red"
              issues={checks.errors}
              onPick={focusIssue}
            />
          )}
          {checks.warnings.length > 0 && (
            <IssueList
              title="Warnings (you can still submit)"
              color="orange"
              issues={checks.warnings}
              onPick={focusIssue}
            />
          )}
          {submitProblems.length > 0 && (
            <IssueList
              title="The submission was refused"
              color="red"
              issues={submitProblems}
              onPick={focusIssue}
            />
          )}
          {otherSubmitError && (
            <FormError title="The section could not be submitted" error={otherSubmitError} />
          )}
          {!section.can.submit && (
            <Text size="sm" c="dimmed">
              Nothing here can be submitted now.
            </Text>
          )}
          <Checkbox
            label="Alert the program admins by email"
            description="They are told that this section is ready for review."
            checked={alertAdmins}
            onChange={(event) => setAlertAdmins(event.currentTarget.checked)}
          />
          <Group justify="space-between" align="center" wrap="wrap">
            <Text size="sm" c="dimmed" id="submit-reason">
              {blocked
                ? 'Submit is off until the problems above are fixed.'
                : 'Once submitted, the CLOs are read-only unless a reviewer sends them back.'}
            </Text>
            <Button
              onClick={() => submit.mutate()}
              disabled={!canSubmit}
              loading={submit.isPending}
              aria-describedby="submit-reason"
            >
              Submit
            </Button>
          </Group>
        </Stack>
      </Card>

      {section.history.length > 0 && (
        <Part title="History">
          <History courseNumber={section.course.number} history={section.history} />
        </Part>
      )}
    </Stack>
  );
}

interface IssueListProps {
  title: string;
  color: string;
  issues: readonly Issue[];
  onPick: (issue: Issue) => void;
}

/** Problems, each a button that takes the keyboard to its field. */
function IssueList({ title, color, issues, onPick }: IssueListProps) {
  return (
    <Alert color={color} variant="light" title={title}>
      <List size="sm" spacing={2}>
        {issues.map((issue) => (
          <List.Item key={`${issue.outcomeId ?? 'section'}-${issue.field}-${issue.message}`}>
            <UnstyledButton
              fz="sm"
              td="underline"
              onClick={() => onPick(issue)}
              aria-label={`${issue.message} (go to the field)`}
            >
              {issue.message}
            </UnstyledButton>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

interface CloRowProps {
  courseNumber: string;
  outcome: SectionOutcome;
  values: OutcomeValues;
  numberProps: Record<string, unknown>;
  messagesOf: (outcomeId: string | null, field: string, hasValue: boolean) => FieldMessages;
  onChange: <F extends OutcomeField>(id: string, field: F, value: OutcomeValues[F]) => void;
  onBlur: (key: string) => void;
}

/** One CLO: editable while assigned, in progress or sent back; read-only otherwise. */
function CloRow({
  courseNumber,
  outcome,
  values,
  numberProps,
  messagesOf,
  onChange,
  onBlur,
}: CloRowProps) {
  const clo = cloName(courseNumber, outcome.courseOutcome.number);
  const editable = EDITABLE.includes(outcome.status);
  const rate = editable
    ? formatRate(rateOf(values.took, values.passed))
    : formatRate(rateOf(outcome.took, outcome.passed));
  let cells: ReactNode;
  if (!editable) {
    cells = (
      <>
        <Table.Td>
          {outcome.status === 'never_coming_in'
            ? `Never coming in: ${outcome.nciReason ?? ''}`
            : orDash(outcome.tool)}
        </Table.Td>
        <Table.Td>{orDash(outcome.took)}</Table.Td>
        <Table.Td>{orDash(outcome.passed)}</Table.Td>
      </>
    );
  } else {
    const id = outcome.id;
    const tool = messagesOf(id, 'tool', values.tool.trim() !== '');
    const took = messagesOf(id, 'took', values.took !== null);
    const passed = messagesOf(id, 'passed', values.passed !== null);
    cells = (
      <>
        <Table.Td>
          <TextInput
            id={inputIdOf(id, 'tool')}
            aria-label={`Assessment tool for ${clo}`}
            placeholder="e.g. Final exam, question 4"
            maxLength={TOOL_MAX}
            value={values.tool}
            onChange={(event) => onChange(id, 'tool', event.currentTarget.value)}
            onBlur={() => onBlur(inputIdOf(id, 'tool'))}
            error={tool.error}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            {...numberProps}
            id={inputIdOf(id, 'took')}
            aria-label={`Students who took ${clo}`}
            value={values.took ?? ''}
            onChange={(value) => onChange(id, 'took', toCount(value))}
            onBlur={() => onBlur(inputIdOf(id, 'took'))}
            error={took.error}
            description={warningText(took.warning)}
          />
        </Table.Td>
        <Table.Td>
          <NumberInput
            {...numberProps}
            id={inputIdOf(id, 'passed')}
            aria-label={`Students who passed ${clo}`}
            value={values.passed ?? ''}
            onChange={(value) => onChange(id, 'passed', toCount(value))}
            onBlur={() => onBlur(inputIdOf(id, 'passed'))}
            error={passed.error}
            description={warningText(passed.warning)}
          />
        </Table.Td>
      </>
    );
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={600}>
          {clo}
        </Text>
        <Text size="xs" c="dimmed">
          {outcome.courseOutcome.description}
        </Text>
      </Table.Td>
      {cells}
      <Table.Td>{rate}</Table.Td>
      <Table.Td>
        <StatusBadge status={OUTCOME_STATUS[outcome.status]} />
      </Table.Td>
    </Table.Tr>
  );
}
