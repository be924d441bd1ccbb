import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNotify } from '../../ui/notificationsContext';
import { requestIdOf } from '../../ui/ErrorAlert';
import { dismissFlag, dismissFlags, ENGAGEMENT_KEY } from '../api';

/** Dismisses one flag or several; refreshes the flags and says how it went. */
export function useDismiss(onDone: () => void = () => undefined) {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const onError = (error: Error) =>
    notify({
      kind: 'error',
      title: 'The flags could not be dismissed',
      message: error.message,
      requestId: requestIdOf(error),
    });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY });
  const one = useMutation({
    mutationFn: dismissFlag,
    onSuccess: () => {
      refresh();
      notify({ kind: 'success', title: 'Flag dismissed' });
      onDone();
    },
    onError,
  });
  const many = useMutation({
    mutationFn: dismissFlags,
    onSuccess: ({ dismissed }) => {
      refresh();
      notify({
        kind: 'success',
        title: `${String(dismissed)} ${dismissed === 1 ? 'flag' : 'flags'} dismissed`,
      });
      onDone();
    },
    onError,
  });
  return { one, many };
}
