/** Actions a permission can name; the permission matrix (identity issue) maps roles to these. */
export type Action =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'manage'
  | 'import'
  | 'export'
  /** Approve, send back or close others' work (outcomes review, §3.2). */
  | 'review';

/**
 * What a route requires. `public`: anyone, signed in or not. `authenticated`: any signed-in user.
 * `[action, subject]`: a signed-in user whose role allows the action on the subject.
 */
export type Permission = 'public' | 'authenticated' | readonly [Action, string];

declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
  }
}
