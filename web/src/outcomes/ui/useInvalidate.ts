import { useQueryClient } from '@tanstack/react-query';
import { OUTCOMES_KEY } from '../api';

/** Refetches every outcomes query (after a change, lists and counts elsewhere move too). */
export function useInvalidateOutcomes() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: OUTCOMES_KEY });
}
