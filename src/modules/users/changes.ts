import type { UserEvents } from './events';
import { conflict, notFound, unprocessable } from '../../http/problem';
import { canonicalJson } from '../../journal/hash';
import type { Journal } from '../../journal/journal';
import type { CommandContext } from '../../journal/types';
import type { ProjectionStore } from '../../db/store';
import type { Model } from 'mongoose';
import type { AccountStatus } from '../auth/account-status';
import type { RefreshDeps } from '../auth/refresh';
import type { OfficeStore } from '../offices/commands';
import { revokeAllOf } from '../auth/refresh';
import type { User } from './store';
import { requireRoleAtOffice } from './commands';

import type { UserChange } from './schemas';

/**
 * Changes an account's role, office or disabled flag, journaled with the acting admin. The last
 * active admin can be neither disabled nor demoted. A disabled or re-roled account loses its
 * refresh tokens at once; its access tokens are refused from the next request.
 */
export async function changeUser(
  deps: RefreshDeps & {
    journal: Journal<UserEvents>;
    models: { users: Model<User> };
    offices: OfficeStore;
    accounts: Pick<AccountStatus, 'forget'>;
  },
  ctx: CommandContext,
  id: string,
  change: UserChange,
): Promise<User> {
  const entry = await deps.journal.execute(ctx, async () => {
    const user = await deps.models.users.findById(id).lean<User>();
    if (!user) throw notFound(`No user ${id}`);
    if (user.role === 'citizen' && (change.role || change.office)) {
      throw unprocessable(
        'A citizen account has no staff role or office; it can only be disabled or enabled',
        'citizen-account',
      );
    }
    if (change.role || change.office)
      await requireRoleAtOffice(deps.offices, change.role ?? user.role, change.office ?? user.office);
    const set: UserChange = Object.fromEntries(
      Object.entries(change).filter(([k, v]) => canonicalJson(v) !== canonicalJson(user[k as keyof User])),
    );
    if (Object.keys(set).length === 0) throw unprocessable('The change changes nothing', 'no-change');
    const losesAdmin =
      user.role === 'admin' && !user.disabled && ((set.role && set.role !== 'admin') || set.disabled === true);
    if (losesAdmin && (await deps.models.users.countDocuments({ role: 'admin', disabled: false })) <= 1) {
      throw conflict('This is the last active admin: it cannot be disabled or demoted', 'last-admin');
    }
    const changes = (Object.keys(set) as (keyof UserChange)[]).map((path) => ({
      path,
      before: user[path] ?? null,
      after: set[path],
    }));
    return { type: 'user.changed', entityIds: [id], data: { userId: id, changes, set } };
  });
  deps.accounts.forget(id);
  const set = entry.data.set;
  if (set.disabled === true || set.role !== undefined) await revokeAllOf(deps, id);
  return (await deps.models.users.findById(id).lean<User>()) as User;
}

export function listUsers(users: ProjectionStore<User>, q: { limit: number; after?: string; role?: User['role'] }) {
  return users.page(q.role ? { role: q.role } : {}, q);
}

export function registerUserProjectors(
  journal: Journal<UserEvents>,
  stores: { users: ProjectionStore<User>; activationCodes: { deleteOne(filter: { _id: string }): unknown } },
): void {
  journal.on('user.created', async (entry) => {
    const { userId, username, role, office, secretId, nin } = entry.data;
    await stores.users.insertOnce({
      _id: userId,
      username,
      role,
      office,
      secretId,
      disabled: false,
      ...(nin ? { nin } : {}),
      createdAt: entry.at,
      seq: entry.seq,
    });
    // A citizen's account consumes the activation code that opened it.
    if (nin) await stores.activationCodes.deleteOne({ _id: nin });
  });
  journal.on('user.changed', (entry) => stores.users.applyOnce(entry.data.userId, entry.seq, { set: entry.data.set }));
}
