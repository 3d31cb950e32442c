import type { RepairView } from '@citycare/contract';
import { endpoint, Reply } from '../../lib/http';
import { take } from '../../lib/limits';
import { metric } from '../../lib/metrics';
import { requireCompany } from '../access';
import { utilityLimits } from '../config';
import type { RepairItem } from '../items';
import { clock } from '../wiring';
import {
  createRepair as saveRepair,
  householdRepairs,
  repairQueue as listRepairs,
  updateRepair as saveUpdate,
} from './storage';

/** Repairs (报修): households report at any hour; the company's staff work the queue. */

export function repairView(r: RepairItem): RepairView {
  return {
    repairId: r.repairId,
    company: r.company,
    companyName: r.companyName,
    address: r.address,
    problem: r.problem,
    description: r.description,
    urgency: r.urgency,
    status: r.status,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    note: r.note,
  };
}

/** POST /utility/repairs (createRepair): a repair request, any hour; a few a day per household. */
export const createRepair = endpoint('createRepair', {}, async ({ body, caller }) => {
  const giveBack = await take(utilityLimits.repairs, caller.userId);
  const repair = await saveRepair(caller.userId, body, clock.now()).catch(async (err: unknown) => {
    await giveBack();
    throw err;
  });
  metric('RepairRequests');
  return new Reply(201, { repair: repairView(repair) });
});

/** GET /utility/repairs (myRepairs): the household's requests, newest first. */
export const myRepairs = endpoint('myRepairs', {}, async ({ caller }) => {
  return { repairs: (await householdRepairs(caller.userId)).map(repairView) };
});

/** GET /utility/staff/{company}/repairs (repairQueue): the company's repair queue. */
export const repairQueue = endpoint('repairQueue', { roles: ['utility'] }, async ({ params, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  return { repairs: (await listRepairs(company)).map(repairView) };
});

/** POST /utility/staff/{company}/repairs/{repairId} (updateRepair): received, dispatched, fixed. */
export const updateRepair = endpoint('updateRepair', { roles: ['utility'] }, async ({ params, body, caller }) => {
  const company = requireCompany(caller.roles, params.company);
  const repair = await saveUpdate(caller.userId, company, params.repairId ?? '', body.status, body.note, clock.now());
  return { repair: repairView(repair) };
});
