import type { OfficeEvents } from './events';
import type { ProjectionStore } from '../../db/store';
import { conflict, forbidden } from '../../http/problem';
import type { Journal } from '../../journal/journal';
import type { Actor, CommandContext } from '../../journal/types';
import type { Office, OfficeType } from './store';
import { MAIN_OFFICES } from '../common/governorates';

export type OfficeStore = ProjectionStore<Office>;

export interface OfficeView {
  code: string;
  name: string;
  governorate: string;
  type: OfficeType;
  builtIn: boolean;
}

export async function officeExists(offices: OfficeStore, code: string): Promise<boolean> {
  return MAIN_OFFICES.some((o) => o.code === code) || (await offices.exists(code));
}

/** The governorate an office is in (a built-in main office, or one an admin added). */
export async function officeGovernorate(offices: OfficeStore, code: string): Promise<string | undefined> {
  return MAIN_OFFICES.find((o) => o.code === code)?.governorate ?? (await offices.get(code))?.governorate;
}

/** The names of these offices (those that exist), for people reading who acted: "Karkh post office service centre". */
export async function officeNames(offices: OfficeStore, codes: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const code of new Set(codes)) {
    const name = MAIN_OFFICES.find((o) => o.code === code)?.name ?? (await offices.get(code))?.name;
    if (name) names.set(code, name);
  }
  return names;
}

/** What kind of office this is (undefined: no such office). */
export async function officeType(offices: OfficeStore, code: string): Promise<OfficeType | undefined> {
  if (MAIN_OFFICES.some((o) => o.code === code)) return 'civil-status-office';
  const added = await offices.get(code);
  return added ? (added.type ?? 'civil-status-office') : undefined;
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
    ...added.map((o) => ({
      code: o._id,
      name: o.name,
      governorate: o.governorate,
      type: o.type ?? ('civil-status-office' as const),
      builtIn: false,
    })),
  ];
}

export async function createOffice(
  deps: { journal: Journal<OfficeEvents>; offices: OfficeStore },
  ctx: CommandContext,
  input: { code: string; name: string; governorate: string; type: OfficeType },
): Promise<OfficeView> {
  await deps.journal.execute(ctx, async () => {
    if (await officeExists(deps.offices, input.code))
      throw conflict(`The office ${input.code} exists`, 'office-exists');
    return { type: 'office.created', entityIds: [input.code], data: input };
  });
  return { ...input, builtIn: false };
}
