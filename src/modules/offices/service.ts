import { conflict } from '../../http/problem';
import type { CommandContext } from '../../journal/types';
import type { Services } from '../../services';
import type { Office } from './model';
import { MAIN_OFFICES } from './reference';

export interface OfficeView { code: string; name: string; governorate: string; builtIn: boolean }

export async function officeExists(services: Services, code: string): Promise<boolean> {
  return MAIN_OFFICES.some((o) => o.code === code) || Boolean(await services.models.offices.exists({ _id: code }));
}

export async function listOffices(services: Services): Promise<OfficeView[]> {
  const added = await services.models.offices.find().sort({ _id: 1 }).lean<Office[]>();
  return [...MAIN_OFFICES, ...added.map((o) => ({ code: o._id, name: o.name, governorate: o.governorate, builtIn: false }))];
}

export async function createOffice(services: Services, ctx: CommandContext, input: { code: string; name: string; governorate: string }): Promise<OfficeView> {
  await services.journal.execute(ctx, async () => {
    if (await officeExists(services, input.code)) throw conflict(`The office ${input.code} exists`, 'office-exists');
    return { type: 'office.created', entityIds: [input.code], data: input };
  });
  return { ...input, builtIn: false };
}
