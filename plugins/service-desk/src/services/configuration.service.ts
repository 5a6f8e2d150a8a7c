import { ConflictError, NotFoundError, StaffUser, ValidationError, type VersionedSettings } from '@aftercare/core';
import { In } from 'typeorm';
import { type AutoAssignMode, OPEN_STATUSES } from '../domain.js';
import { Case } from '../entities/case.entity.js';
import { CannedResponse } from '../entities/canned-response.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { Team } from '../entities/team.entity.js';
import type { ServiceDeskSettings } from '../settings.js';
import type { ServiceDeskDeps } from './deps.js';
import { checkPlaceholders } from './placeholders.js';

/** Teams, canned responses and settings: what supervisors configure. Every change is audited. */
export class ConfigurationService {
  constructor(private readonly d: ServiceDeskDeps) {}

  async saveTeam(input: { id?: string | null; name: string; autoAssign: AutoAssignMode }): Promise<Team> {
    return this.d.db.transaction(async (m) => {
      const repo = m.getRepository(Team);
      const name = input.name.trim();
      const clash = await repo.findOneBy({ name });
      if (clash && clash.id !== input.id) throw new ConflictError(`A team named '${name}' already exists.`, { field: 'name' });
      const existing = input.id ? await repo.findOneBy({ id: input.id }) : null;
      if (input.id && !existing) throw new NotFoundError('Team', input.id);
      const team = await repo.save({ ...(existing ?? {}), name, autoAssign: input.autoAssign });
      await this.d.audit.record(m, {
        action: existing ? 'team.update' : 'team.create',
        objectType: 'ServiceDeskTeam',
        objectId: team.id,
        before: existing ? { name: existing.name, autoAssign: existing.autoAssign } : null,
        after: { name, autoAssign: input.autoAssign },
      });
      return team;
    });
  }

  /**
   * Delete a team. Refused (`CONFLICT`) while it is the default team of new cases or still has open
   * cases, so no case loses its team silently; resolved and closed cases keep their history without it.
   */
  async deleteTeam(id: string): Promise<boolean> {
    return this.d.db.transaction(async (m) => {
      const team = await m.getRepository(Team).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!team) throw new NotFoundError('Team', id);
      const settings = await this.d.settings.get();
      if (settings.defaultTeamId === id) {
        throw new ConflictError(`'${team.name}' receives new cases by default; choose another default team first.`, {
          rule: 'defaultTeam',
        });
      }
      const open = await m.getRepository(Case).countBy({ teamId: id, status: In([...OPEN_STATUSES]) });
      if (open > 0) {
        throw new ConflictError(`'${team.name}' still has ${open} open case(s); move them to another team first.`, {
          rule: 'openCases',
          openCases: open,
        });
      }
      await m.getRepository(Team).delete({ id });
      await this.d.audit.record(m, {
        action: 'team.delete',
        objectType: 'ServiceDeskTeam',
        objectId: id,
        before: { name: team.name, autoAssign: team.autoAssign },
      });
      return true;
    });
  }

  /** Active staff users whose name or e-mail contains `search`, for adding team members. */
  async staffCandidates(search: string, take: number): Promise<StaffUser[]> {
    const q = this.d.db
      .getRepository(StaffUser)
      .createQueryBuilder('u')
      .where('u.active = true')
      .orderBy('u.name', 'ASC')
      .take(Math.min(Math.max(take, 1), 50));
    const words = search.trim();
    if (words) q.andWhere('(u.name ILIKE :s OR u.email ILIKE :s)', { s: `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return q.getMany();
  }

  /**
   * How many cases use each category and root cause: the configured ones (zero when unused) and any
   * a case still carries after it was taken off the list.
   */
  async codeUsage(): Promise<{ categories: CodeUsage[]; rootCauses: CodeUsage[] }> {
    const settings = await this.d.settings.get();
    const count = async (column: 'category' | 'root_cause', configured: string[]): Promise<CodeUsage[]> => {
      const rows: Array<{ code: string; total: string; open: string }> = await this.d.db.dataSource.query(
        `SELECT ${column} AS code, count(*) AS total, count(*) FILTER (WHERE status = ANY($1)) AS open
           FROM service_desk_case WHERE ${column} IS NOT NULL GROUP BY ${column}`,
        [[...OPEN_STATUSES]],
      );
      const byCode = new Map(rows.map((r) => [r.code, r]));
      const listed = configured.map((code) => ({
        code,
        configured: true,
        caseCount: Number(byCode.get(code)?.total ?? 0),
        openCaseCount: Number(byCode.get(code)?.open ?? 0),
      }));
      const retired = rows
        .filter((r) => !configured.includes(r.code))
        .map((r) => ({ code: r.code, configured: false, caseCount: Number(r.total), openCaseCount: Number(r.open) }))
        .sort((a, b) => a.code.localeCompare(b.code));
      return [...listed, ...retired];
    };
    return { categories: await count('category', settings.categories), rootCauses: await count('root_cause', settings.rootCauses) };
  }

  /** Add a member or change their flags (supervisor, absent). */
  async setMember(input: { teamId: string; staffUserId: string; supervisor: boolean; absent: boolean }): Promise<TeamMember> {
    return this.d.db.transaction(async (m) => {
      if (!(await m.getRepository(Team).existsBy({ id: input.teamId }))) throw new NotFoundError('Team', input.teamId);
      if (!(await m.getRepository(StaffUser).existsBy({ id: input.staffUserId })))
        throw new ValidationError([{ field: 'staffUserId', message: `no staff user ${input.staffUserId}` }]);
      const repo = m.getRepository(TeamMember);
      const existing = await repo.findOneBy({ teamId: input.teamId, staffUserId: input.staffUserId });
      const row = await repo.save({ ...(existing ?? {}), ...input });
      await this.d.audit.record(m, {
        action: 'team.member',
        objectType: 'ServiceDeskTeam',
        objectId: input.teamId,
        before: existing ? { supervisor: existing.supervisor, absent: existing.absent } : null,
        after: { staffUserId: input.staffUserId, supervisor: input.supervisor, absent: input.absent },
      });
      return row;
    });
  }

  async removeMember(teamId: string, staffUserId: string): Promise<boolean> {
    return this.d.db.transaction(async (m) => {
      const result = await m.getRepository(TeamMember).delete({ teamId, staffUserId });
      if (result.affected) {
        await this.d.audit.record(m, {
          action: 'team.member.remove',
          objectType: 'ServiceDeskTeam',
          objectId: teamId,
          metadata: { staffUserId },
        });
      }
      return !!result.affected;
    });
  }

  async saveCannedResponse(input: { id?: string | null; name: string; body: string }): Promise<CannedResponse> {
    checkPlaceholders(input.body);
    return this.d.db.transaction(async (m) => {
      const repo = m.getRepository(CannedResponse);
      const name = input.name.trim();
      const clash = await repo.findOneBy({ name });
      if (clash && clash.id !== input.id) throw new ConflictError(`A canned response named '${name}' already exists.`, { field: 'name' });
      const existing = input.id ? await repo.findOneBy({ id: input.id }) : null;
      if (input.id && !existing) throw new NotFoundError('Canned response', input.id);
      const row = await repo.save({ ...(existing ?? {}), name, body: input.body });
      await this.d.audit.record(m, {
        action: existing ? 'cannedResponse.update' : 'cannedResponse.create',
        objectType: 'CannedResponse',
        objectId: row.id,
      });
      return row;
    });
  }

  async deleteCannedResponse(id: string): Promise<boolean> {
    return this.d.db.transaction(async (m) => {
      const result = await m.getRepository(CannedResponse).delete({ id });
      if (!result.affected) throw new NotFoundError('Canned response', id);
      await this.d.audit.record(m, { action: 'cannedResponse.delete', objectType: 'CannedResponse', objectId: id });
      return true;
    });
  }

  /**
   * Change some settings. With `expectedVersion` (the `version` the editor read) a change made by
   * someone else in the meantime is refused with `CONFLICT` instead of being overwritten.
   */
  async updateSettings(patch: Partial<ServiceDeskSettings>, expectedVersion?: number): Promise<VersionedSettings<ServiceDeskSettings>> {
    const before = await this.d.settings.get();
    if (patch.defaultTeamId && !(await this.d.db.getRepository(Team).existsBy({ id: patch.defaultTeamId }))) {
      throw new ValidationError([{ field: 'defaultTeamId', message: `no team ${patch.defaultTeamId}` }]);
    }
    const duplicates = [
      ...duplicateEntries('categories', patch.categories),
      ...duplicateEntries('rootCauses', patch.rootCauses),
      ...duplicateEntries('seriousKeywords', patch.seriousKeywords),
      ...duplicateEntries('attachmentTypes', patch.attachmentTypes),
    ];
    if (duplicates.length) throw new ValidationError(duplicates);
    const saved = await this.d.settings.updateVersioned(patch, expectedVersion === undefined ? {} : { expectedVersion });
    const after = saved.values;
    await this.d.db.transaction((m) =>
      this.d.audit.record(m, {
        action: 'settings.update',
        objectType: 'ServiceDeskSettings',
        before: before as unknown as Record<string, unknown>,
        after: after as unknown as Record<string, unknown>,
      }),
    );
    return saved;
  }
}

/** One category or root cause and how many cases carry it. */
export interface CodeUsage {
  code: string;
  /** On the configured list (offered at resolution); false for a retired code that cases still carry. */
  configured: boolean;
  caseCount: number;
  openCaseCount: number;
}

/** A field error for each entry that repeats an earlier one (ignoring case and surrounding spaces). */
function duplicateEntries(field: string, list: string[] | undefined): Array<{ field: string; message: string }> {
  const seen = new Set<string>();
  const out: Array<{ field: string; message: string }> = [];
  list?.forEach((entry, i) => {
    const key = entry.trim().toLowerCase();
    if (seen.has(key)) out.push({ field: `${field}.${i}`, message: `'${entry.trim()}' is already in the list` });
    seen.add(key);
  });
  return out;
}
