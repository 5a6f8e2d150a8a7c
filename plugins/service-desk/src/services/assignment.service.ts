import type { EntityManager } from 'typeorm';
import { StaffUser } from '@aftercare/core';
import type { CaseSeverity } from '../domain.js';
import { OPEN_STATUSES } from '../domain.js';
import { Team } from '../entities/team.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { routeFor } from './triage.js';

/** A member who can take a case, with what decides the choice. */
export interface Candidate {
  staffUserId: string;
  /** Open cases assigned now. */
  load: number;
  /** Position in the team (join order). */
  order: number;
  /** Present, active and (for serious cases) a supervisor. */
  eligible: boolean;
}

/** Round robin: the first candidate after the one who got the latest case, wrapping around. */
export function nextInTurn(members: readonly Candidate[], lastAssignedUserId: string | null): Candidate | undefined {
  const sorted = [...members].sort((a, b) => a.order - b.order);
  const lastIndex = lastAssignedUserId ? sorted.findIndex((c) => c.staffUserId === lastAssignedUserId) : -1;
  for (let step = 1; step <= sorted.length; step++) {
    const candidate = sorted[(lastIndex + step) % sorted.length]!;
    if (candidate.eligible) return candidate;
  }
  return undefined;
}

/** Least loaded: the eligible member with the fewest open cases; ties go to the earlier member. */
export function leastLoaded(members: readonly Candidate[]): Candidate | undefined {
  return members.filter((m) => m.eligible).sort((a, b) => a.load - b.load || a.order - b.order)[0];
}

/**
 * Choose who gets a new case in a team. Serious cases go to the team's supervisors (least loaded);
 * others follow the team's mode. Absent and deactivated members are skipped. Locks the team row, so
 * two cases arriving at once do not both go to the same turn.
 */
export async function chooseAssignee(manager: EntityManager, teamId: string, severity: CaseSeverity): Promise<string | null> {
  const team = await manager.getRepository(Team).findOne({ where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
  if (!team) return null;
  const supervisors = routeFor(severity) === 'supervisors';
  if (!supervisors && team.autoAssign === 'manual') return null;
  const rows: Array<{ staff_user_id: string; load: string; eligible: boolean }> = await manager.query(
    `SELECT m.staff_user_id,
            (NOT m.absent AND u.active AND ($2::boolean IS FALSE OR m.supervisor)) AS eligible,
            (SELECT count(*) FROM service_desk_case c WHERE c.assignee_id = m.staff_user_id AND c.status = ANY($3)) AS load
       FROM service_desk_team_member m
       JOIN staff_user u ON u.id = m.staff_user_id
      WHERE m.team_id = $1
      ORDER BY m.joined_at, m.staff_user_id`,
    [teamId, supervisors, OPEN_STATUSES],
  );
  const candidates = rows.map((r, i) => ({ staffUserId: r.staff_user_id, load: Number(r.load), order: i, eligible: r.eligible }));
  const chosen =
    supervisors || team.autoAssign === 'least_loaded' ? leastLoaded(candidates) : nextInTurn(candidates, team.lastAssignedUserId);
  if (chosen && !supervisors && team.autoAssign === 'round_robin') {
    await manager.update(Team, { id: team.id }, { lastAssignedUserId: chosen.staffUserId });
  }
  return chosen?.staffUserId ?? null;
}

/** Whether a staff user exists and is active. */
export async function isActiveStaff(manager: EntityManager, staffUserId: string): Promise<boolean> {
  return manager.getRepository(StaffUser).existsBy({ id: staffUserId, active: true });
}

/** Whether a staff user supervises the team. */
export async function isSupervisorOf(manager: EntityManager, teamId: string, staffUserId: string): Promise<boolean> {
  return manager.getRepository(TeamMember).existsBy({ teamId, staffUserId, supervisor: true });
}
