import type { RequestContext } from '../../../core/access/request-context.js';
import type { Db } from '../../../core/db/client.js';
import { tx } from '../../../core/db/tx.js';
import { NotFoundError } from '../../../core/errors.js';
import {
  countDistrictEvents,
  districtSchools,
  findDistrict,
  findSchool,
  listDistricts,
  listSchools,
  placeOptions,
  schoolEvents,
  type DistrictFilter,
  type DistrictSort,
  type SchoolFilter,
  type SchoolSort,
} from '../data/screens/places.js';
import type { ListWindow } from '../data/screens/query.js';
import { callerOf } from './caller.js';

const LATEST_EVENTS = 25;

export function listSchoolsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<SchoolFilter, 'tenantId' | 'scope'> & ListWindow<SchoolSort>,
) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listSchools(q, { ...query, tenantId, scope }));
}

export function getSchool(db: Db, ctx: RequestContext, id: string) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const school = await findSchool(q, tenantId, scope, id);
    if (!school) throw new NotFoundError('School');
    return { ...school, latestEvents: await schoolEvents(q, id, LATEST_EVENTS) };
  });
}

export function listDistrictsFor(
  db: Db,
  ctx: RequestContext,
  query: Omit<DistrictFilter, 'tenantId' | 'scope'> & ListWindow<DistrictSort>,
) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => listDistricts(q, { ...query, tenantId, scope }));
}

export function getDistrict(db: Db, ctx: RequestContext, id: string) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, async (q) => {
    const district = await findDistrict(q, tenantId, scope, id);
    if (!district) throw new NotFoundError('District');
    return {
      ...district,
      schoolList: await districtSchools(q, id),
      events: await countDistrictEvents(q, tenantId, id),
    };
  });
}

/** The districts and schools the caller sees, for filters and forms. */
export function placeOptionsFor(db: Db, ctx: RequestContext) {
  const { tenantId, scope } = callerOf(ctx);
  return tx(db, { tenantId }, (q) => placeOptions(q, tenantId, scope));
}
