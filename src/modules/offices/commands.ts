import type { OfficeEvents } from './events';
import type { ProjectionStore } from '../../db/store';
import { conflict, forbidden } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { Actor, CommandContext } from '../../journal/types';
import type { Office } from './store';
import { MAIN_OFFICES } from './reference';

export type OfficeStore = ProjectionStore<Office>;

export interface OfficeView {
  code: string;
  name: string;
  governorate: string;
  builtIn: boolean;
}

export async function officeExists(offices: OfficeStore, code: string): Promise<boolean> {
  return MAIN_OFFICES.some((o) => o.code === code) || (await offices.exists(code));
}

/** The governorate an office is in (a built-in main office, or one an admin added). */
export async function officeGovernorate(offices: OfficeStore, code: string): Promise<string | undefined> {
  return MAIN_OFFICES.find((o) => o.code === code)?.governorate ?? (await offices.get(code))?.governorate;
}

/** The office a staff member acts for (declarations belong to it); every staff account has one. */
export function staffOffice(actor: Actor): string {
  if (!actor.office) throw forbidden('This account belongs to no office');
  return actor.office;
}

export async function listOffices(offices: OfficeStore): Promise<OfficeView[]> {
  const added = await offices.list({});
  return [
    ...MAIN_OFFICES,
    ...added.map((o) => ({ code: o._id, name: o.name, governorate: o.governorate, builtIn: false })),
  ];
}

export async function createOffice(
  deps: { journal: Journal<OfficeEvents>; offices: OfficeStore },
  ctx: CommandContext,
  input: { code: string; name: string; governorate: string },
): Promise<OfficeView> {
  await deps.journal.execute(ctx, async () => {
    if (await officeExists(deps.offices, input.code))
      throw conflict(`The office ${input.code} exists`, 'office-exists');
    return { type: 'office.created', entityIds: [input.code], data: input };
  });
  return { ...input, builtIn: false };
}
