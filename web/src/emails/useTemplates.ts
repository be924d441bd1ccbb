import { useQuery } from '@tanstack/react-query';
import { EMAILS_KEY, listTemplates } from './api';

/** The templates EduLedger can send; they change only with a new release. */
export function useTemplates() {
  return useQuery({
    queryKey: [...EMAILS_KEY, 'templates'],
    queryFn: ({ signal }) => listTemplates(signal),
    staleTime: Infinity,
  });
}
