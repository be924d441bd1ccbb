import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../session/queries';
import { TENANTS_KEY } from './api';
import type { AdminTenant } from './types';

type SavedTenant = Omit<AdminTenant, 'members'>;

/**
 * A change to a tenant. Afterwards the tenants list is refreshed, and so is `['me']`: a site
 * admin's tenant switcher lists every tenant, with its name and whether it is active.
 */
export function useTenantMutation<V>(
  mutationFn: (variables: V) => Promise<SavedTenant>,
  onSuccess: (saved: SavedTenant, variables: V) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (saved, variables) => {
      void queryClient.invalidateQueries({ queryKey: TENANTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
      onSuccess(saved, variables);
    },
  });
}
