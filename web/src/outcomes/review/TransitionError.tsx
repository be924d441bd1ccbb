import { Alert, List, Stack, Text } from '@mantine/core';
import { RequestId } from '../../ui/ErrorAlert';
import { OUTCOME_STATUS } from '../labels';
import { refusedMoves } from './useReviewAction';

interface TransitionErrorProps {
  title: string;
  error: Error;
  /** Names a section outcome, e.g. "ACC-201-001 · ACC-201.2". */
  nameOf: (outcomeId: string) => string;
}

/**
 * A refused review action. For 409 `invalid_transition`, lists each CLO that cannot make the move,
 * its status and why; nothing changed, so the reviewer can deselect them and try again.
 */
export function TransitionError({ title, error, nameOf }: TransitionErrorProps) {
  const refused = refusedMoves(error);
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Stack gap="xs">
        <Text size="sm">{error.message}</Text>
        {refused && refused.length > 0 && (
          <>
            <Text size="sm">Nothing was changed. These CLOs cannot make this move:</Text>
            <List size="sm" spacing={2} aria-label="Refused CLOs">
              {refused.map((move) => (
                <List.Item key={move.id}>
                  <strong>{nameOf(move.id)}</strong>
                  {` (${OUTCOME_STATUS[move.status]?.label ?? String(move.status)})`}
                  {move.reason ? `: ${move.reason}` : ''}
                </List.Item>
              ))}
            </List>
          </>
        )}
        <RequestId error={error} />
      </Stack>
    </Alert>
  );
}
