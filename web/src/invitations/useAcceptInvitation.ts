import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/ApiError';
import { safeNextPath } from '../session/nextPath';
import { meQuery, SESSION_NOT_KEPT_CODE } from '../session/queries';
import { acceptInvitation } from './api';
import type { Acceptance } from './types';

/**
 * Accepts an invitation, which signs the invitee in, then reads `/api/me` afresh so the app
 * knows them. Resolves to the same-site path to open next.
 */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation<string, Error, Acceptance>({
    mutationFn: async (acceptance) => {
      const { redirectTo } = await acceptInvitation(acceptance);
      queryClient.removeQueries({ type: 'inactive' });
      const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      if (me === null) {
        throw new ApiError({
          code: SESSION_NOT_KEPT_CODE,
          status: 0,
          message:
            'Your invitation was accepted, but the browser did not keep the session. Allow cookies for this site, then sign in.',
        });
      }
      return safeNextPath(redirectTo);
    },
  });
}
