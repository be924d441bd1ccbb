import { redactFields, type AppAbility } from '../../../core/access/ability.js';
import type { SENSITIVE } from '../permissions.js';

type Guarded = keyof typeof SENSITIVE;
type SensitiveOf<S extends Guarded> = (typeof SENSITIVE)[S][number];

/**
 * `record` without the highly sensitive fields the caller may not read; its other fields keep
 * their types.
 */
export const visible = <S extends Guarded, T extends Record<string, unknown>>(
  ability: AppAbility,
  subject: S,
  record: T,
) =>
  redactFields(ability, subject, record) as Omit<T, SensitiveOf<S>> &
    Partial<Pick<T, Extract<SensitiveOf<S>, keyof T>>>;
