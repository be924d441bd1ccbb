import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/ApiError';
import { getMe, postSignIn, postSignOut, putActiveTenant, type SignInCredentials } from './api';
import type { Me } from './types';

export const ME_QUERY_KEY = ['me'] as const;

export const meQuery = queryOptions({
  queryKey: ME_QUERY_KEY,
  queryFn: ({ signal }) => getMe(signal),
});

/** The `/api/me` body, `null` when nobody is signed in; other failures are query errors. */
export function useMe() {
  return useQuery(meQuery);
}

export const SESSION_NOT_KEPT_CODE = 'session_not_kept';

/**
 * Signs in, then reads `/api/me` afresh so that everything watching `['me']` sees the new user.
 * Data cached for a previous user and no longer on screen is dropped first.
 */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me, Error, SignInCredentials>({
    mutationFn: async (credentials) => {
      await postSignIn(credentials);
      queryClient.removeQueries({ type: 'inactive' });
      const me = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      if (me === null) {
        throw new ApiError({
          code: SESSION_NOT_KEPT_CODE,
          status: 0,
          message:
            'The password was accepted, but the browser did not keep the session. Allow cookies for this site and try again.',
        });
      }
      return me;
    },
  });
}

interface SignOutOptions {
  /** Runs right after the cache is cleared, e.g. to leave the signed-in pages. */
  onSignedOut?: () => void;
}

/** Signs out and clears every cached query, so nothing of the user stays in memory. */
export function useSignOut({ onSignedOut }: SignOutOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: postSignOut,
    onSuccess: () => {
      queryClient.clear();
      onSignedOut?.();
    },
  });
}

interface SwitchTenantOptions {
  /** Runs once `['me']` holds the new active tenant. */
  onSwitched?: (me: Me) => void;
}

/**
 * Makes another tenant active. `['me']` takes the server's answer; every other query is reset
 * (emptied, and refetched if on screen) so that no data of the previous tenant is shown.
 */
export function useSwitchTenant({ onSwitched }: SwitchTenantOptions = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putActiveTenant,
    onSuccess: (me) => {
      queryClient.setQueryData(ME_QUERY_KEY, me);
      onSwitched?.(me);
      void queryClient.resetQueries({
        predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0],
      });
    },
  });
}
