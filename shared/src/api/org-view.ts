/**
 * GET /org/{subBranch} (contract.md, "HTTP API"): the organisation file of a sub-branch. Its manager and
 * auditors get the whole file; an outlet head gets what the sheet checks need (the sub-branch, its outlets
 * and workplaces by code and name, the campaign and the deadline) and nothing else: a field added to the
 * file later (contacts, targets of other outlets) stays out of the outlet head's view until it is listed here.
 */
import * as z from '../zod';
import { organisationSchema, type Organisation } from '../org/schema';

/** The answer of GET /org/{subBranch}: an organisation file (the outlet head's view is one with fewer fields); parse it to get an Organisation. */
export const orgViewSchema = organisationSchema;
/** The answer as sent: fields with a default (targets, deadline) may be absent. */
export type OrgView = z.input<typeof orgViewSchema>;

/** The organisation as an outlet head sees it: only the fields `validateWorkbook` reads, plus the deadline it is held to. */
export function outletHeadOrgView(organisation: Organisation): OrgView {
  const view: OrgView = {
    code: organisation.code,
    name: organisation.name,
    outlets: organisation.outlets.map(({ code, name }) => ({ code, name })),
    deadline: organisation.deadline,
  };
  if (organisation.workplaces) view.workplaces = organisation.workplaces.map(({ code, name }) => ({ code, name }));
  if (organisation.campaign) view.campaign = { from: organisation.campaign.from, to: organisation.campaign.to, saleDays: [...organisation.campaign.saleDays] };
  return view;
}
