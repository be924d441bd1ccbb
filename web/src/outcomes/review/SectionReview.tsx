import { Button, Group, Menu, Stack } from '@mantine/core';
import { useState } from 'react';
import { cloName, REVIEW_ACTIONS } from '../labels';
import { History } from '../sections/History';
import { Narratives, OutcomesTable, Part, SectionFacts } from '../sections/SectionView';
import type { ReviewAction, SectionDetail, SectionOutcome } from '../types';
import { ActionDialog } from './ActionDialog';
import { TransitionError } from './TransitionError';
import { useReviewAction } from './useReviewAction';

/** Approve and reopen need no comment: one click. Rework and NCI ask for one. */
const DIRECT: readonly ReviewAction[] = ['approve', 'reopen'];
const ORDER: readonly ReviewAction[] = ['approve', 'request_rework', 'nci', 'reopen'];

const allowed = (action: ReviewAction, outcome: SectionOutcome) =>
  REVIEW_ACTIONS[action].from.includes(outcome.status);

interface Pending {
  action: ReviewAction;
  outcomeIds: string[];
  subject: string;
}

interface SectionReviewProps {
  section: SectionDetail;
  linkCourse?: boolean;
}

/**
 * A reviewer's view of a section: numbers, CLOs with their review actions (each one, or every CLO
 * that can make the move), narratives and history.
 */
export function SectionReview({ section, linkCourse }: SectionReviewProps) {
  const [pending, setPending] = useState<Pending | null>(null);
  const direct = useReviewAction();
  const name = (outcome: SectionOutcome) =>
    cloName(section.course.number, outcome.courseOutcome.number);
  const nameOf = (id: string) => {
    const outcome = section.outcomes.find((o) => o.id === id);
    return outcome ? name(outcome) : id;
  };
  const sectionName = `${section.course.number}-${section.number}`;

  function run(action: ReviewAction, outcomes: SectionOutcome[], subject: string) {
    const outcomeIds = outcomes.map((o) => o.id);
    if (DIRECT.includes(action)) direct.mutate({ action, outcomeIds });
    else setPending({ action, outcomeIds, subject });
  }

  const bulk = ORDER.map((action) => ({
    action,
    eligible: section.outcomes.filter((o) => allowed(action, o)),
  })).filter(({ eligible }) => eligible.length > 0);

  return (
    <Stack gap="lg">
      <Part title="Numbers">
        <SectionFacts section={section} linkCourse={linkCourse} />
      </Part>
      <Part title="Outcomes">
        {bulk.length > 0 && (
          <Group gap="xs" aria-label="Actions on every CLO of the section" role="group">
            {bulk.map(({ action, eligible }) => (
              <Button
                key={action}
                size="xs"
                variant="light"
                color={REVIEW_ACTIONS[action].color}
                loading={direct.isPending && direct.variables.action === action}
                onClick={() =>
                  run(action, eligible, `${String(eligible.length)} CLOs of ${sectionName}`)
                }
              >
                {`${REVIEW_ACTIONS[action].label}${DIRECT.includes(action) ? '' : '…'} (${String(eligible.length)})`}
              </Button>
            ))}
          </Group>
        )}
        {direct.error && (
          <TransitionError
            title={`Could not ${REVIEW_ACTIONS[direct.variables?.action ?? 'approve'].label.toLowerCase()}`}
            error={direct.error}
            nameOf={nameOf}
          />
        )}
        <OutcomesTable
          section={section}
          actions={(outcome) => {
            const actions = ORDER.filter((action) => allowed(action, outcome));
            if (actions.length === 0) return null;
            return (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button size="xs" variant="default" aria-label={`Review ${name(outcome)}`}>
                    Review
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {actions.map((action) => (
                    <Menu.Item key={action} onClick={() => run(action, [outcome], name(outcome))}>
                      {`${REVIEW_ACTIONS[action].label}${DIRECT.includes(action) ? '' : '…'}`}
                    </Menu.Item>
                  ))}
                </Menu.Dropdown>
              </Menu>
            );
          }}
        />
      </Part>
      <Part title="Narratives">
        <Narratives section={section} />
      </Part>
      <Part title="History">
        <History courseNumber={section.course.number} history={section.history} />
      </Part>
      {pending && (
        <ActionDialog
          action={pending.action}
          outcomeIds={pending.outcomeIds}
          subject={pending.subject}
          nameOf={nameOf}
          onClose={() => setPending(null)}
        />
      )}
    </Stack>
  );
}
