import { InvalidArgumentError, Option, type Command } from 'commander';
import { ROLES, type MembershipScope, type Role } from '../../core/db/schema.js';
import { ValidationError } from '../../core/errors.js';
import { createUser } from '../../core/users/service.js';
import { printResult } from '../output.js';
import { runWithRuntime } from '../run-with-runtime.js';

/** Parses `districts:ID,ID` or `programs:ID,ID`. */
export function parseScope(value: string): MembershipScope {
  const match = /^(districts|programs):(.+)$/.exec(value.trim());
  if (!match?.[1] || !match[2]) {
    throw new InvalidArgumentError('expected districts:ID,… or programs:ID,…');
  }
  const ids = match[2]
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return { [match[1]]: ids };
}

interface UsersCreateOptions {
  email: string;
  password: string;
  name?: string;
  tenant?: string;
  role?: Role;
  scope?: MembershipScope;
  siteAdmin?: boolean;
  json?: boolean;
}

export function registerUserCommands(program: Command) {
  const users = program.command('users').description('user accounts');
  users
    .command('create')
    .description('create an active user, optionally a member of a tenant')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--password <password>', '10–128 characters')
    .option('--name <name>', 'display name')
    .option('--tenant <slug>', 'tenant to join (with --role)')
    .addOption(new Option('--role <role>', 'role in the tenant').choices(ROLES))
    .option('--scope <scope>', 'districts:ID,… or programs:ID,…', parseScope)
    .option('--site-admin', 'platform-wide administrator')
    .option('--json', 'machine-readable output')
    .action((options: UsersCreateOptions) =>
      runWithRuntime(options, async ({ database }) => {
        if (Boolean(options.tenant) !== Boolean(options.role)) {
          throw new ValidationError('--tenant and --role go together');
        }
        const user = await createUser(database.db, {
          email: options.email,
          password: options.password,
          name: options.name,
          siteAdmin: options.siteAdmin ?? false,
          membership:
            options.tenant && options.role
              ? { tenantSlug: options.tenant, role: options.role, scope: options.scope }
              : undefined,
        });
        const where = user.membership ? ` as ${user.membership.role} of "${options.tenant}"` : '';
        printResult(options, user, [`Created user ${user.email}${where}.`]);
      }),
    );
}
