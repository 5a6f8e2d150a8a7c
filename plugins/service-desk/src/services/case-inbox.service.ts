import { likeEscape, type Page, type PageWindow, queryPage } from '@aftercare/core';
import type { CaseChannel, CaseKind, CaseSeverity, CaseStatus } from '../domain.js';
import { OPEN_STATUSES } from '../domain.js';
import { Case } from '../entities/case.entity.js';
import type { ServiceDeskDeps } from './deps.js';

/** What the inbox lists: every condition optional; lists of values mean "any of". */
export interface CaseInboxFilter {
  status?: CaseStatus[] | null;
  kind?: CaseKind[] | null;
  severity?: CaseSeverity[] | null;
  channel?: CaseChannel[] | null;
  assigneeId?: string | null;
  teamId?: string | null;
  customerId?: string | null;
  unassigned?: boolean | null;
  /** Assigned to the viewer (`viewerId`). */
  mine?: boolean | null;
  /** In one of the viewer's teams. */
  myTeams?: boolean | null;
  breached?: boolean | null;
  atRisk?: boolean | null;
  /** `SD-42` finds case 42; other text matches the subject. */
  search?: string | null;
}

/** The inbox order: earliest SLA due date first (cases without one last), newest, oldest or last updated. */
export type CaseInboxSort = 'due_date' | 'newest' | 'oldest' | 'updated';

/** The case inbox: which cases a view shows, in which order. */
export class CaseInbox {
  constructor(private readonly d: ServiceDeskDeps) {}

  /** A page of cases matching `filter` (merged cases only when asked for by status), seen by staff user `viewerId`. */
  list(filter: CaseInboxFilter, sort: CaseInboxSort, viewerId: string | null, window: PageWindow): Promise<Page<Case>> {
    const f = filter;
    const now = this.d.now();
    const qb = this.d.db.getRepository(Case).createQueryBuilder('c');
    if (f.status?.length) qb.andWhere('c.status IN (:...status)', { status: f.status });
    else qb.andWhere(`c.status <> 'merged'`);
    if (f.kind?.length) qb.andWhere('c.kind IN (:...kind)', { kind: f.kind });
    if (f.severity?.length) qb.andWhere('c.severity IN (:...severity)', { severity: f.severity });
    if (f.channel?.length) qb.andWhere('c.channel IN (:...channel)', { channel: f.channel });
    if (f.assigneeId) qb.andWhere('c.assigneeId = :assigneeId', { assigneeId: f.assigneeId });
    if (f.teamId) qb.andWhere('c.teamId = :teamId', { teamId: f.teamId });
    if (f.customerId) qb.andWhere('c.customerId = :customerId', { customerId: f.customerId });
    if (f.unassigned) qb.andWhere('c.assigneeId IS NULL');
    if (f.mine) qb.andWhere('c.assigneeId = :me', { me: viewerId });
    if (f.myTeams) {
      qb.andWhere('c.teamId IN (SELECT tm.team_id FROM service_desk_team_member tm WHERE tm.staff_user_id = :member)', {
        member: viewerId,
      });
    }
    if (f.breached !== undefined && f.breached !== null) {
      const breached = `(c.slaBreached OR (c.status IN (:...open) AND c.slaDueAt <= :now))`;
      qb.andWhere(f.breached ? breached : `NOT ${breached}`, { open: OPEN_STATUSES, now });
    }
    if (f.atRisk) {
      qb.andWhere('c.status IN (:...open) AND NOT c.slaBreached AND c.slaWarnAt <= :now AND c.slaDueAt > :now', {
        open: OPEN_STATUSES,
        now,
      });
    }
    const search = f.search?.trim();
    if (search) {
      const ref = /^sd-?(\d+)$/i.exec(search);
      if (ref) qb.andWhere('c.number = :number', { number: Number(ref[1]) });
      else qb.andWhere(`c.subject ILIKE :search`, { search: `%${likeEscape(search)}%` });
    }
    if (sort === 'due_date') qb.orderBy('c.slaDueAt', 'ASC', 'NULLS LAST').addOrderBy('c.createdAt', 'ASC');
    else if (sort === 'oldest') qb.orderBy('c.createdAt', 'ASC');
    else if (sort === 'updated') qb.orderBy('c.updatedAt', 'DESC');
    else qb.orderBy('c.createdAt', 'DESC');
    return queryPage(qb.addOrderBy('c.id', 'ASC'), window);
  }
}
