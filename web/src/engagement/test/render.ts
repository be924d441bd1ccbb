import userEvent from '@testing-library/user-event';
import type { MembershipRole } from '../../session/types';
import { meAs } from '../../test/adminFixtures';
import { mockApi, reply, type MockReply } from '../../test/http';
import { renderApp } from '../../test/render';
import { PLACES } from './fixtures';

/** The app at `path` for a member of Riverside (engagement) with `role`, over a mock API. */
export function renderEngagement(
  role: MembershipRole,
  path: string,
  routes: Record<string, MockReply | MockReply[]> = {},
) {
  const api = mockApi({
    'GET /api/me': reply(200, meAs(role)),
    'GET /api/engagement/places': reply(200, PLACES),
    ...routes,
  });
  return { api, ...renderApp(path), user: userEvent.setup() };
}
