import { ConflictError, NotFoundError, StaffUser, ValidationError } from '@aftercare/core';
import type { AutoAssignMode } from '../domain.js';
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

  async updateSettings(patch: Partial<ServiceDeskSettings>): Promise<ServiceDeskSettings> {
    const before = await this.d.settings.get();
    if (patch.defaultTeamId && !(await this.d.db.getRepository(Team).existsBy({ id: patch.defaultTeamId }))) {
      throw new ValidationError([{ field: 'defaultTeamId', message: `no team ${patch.defaultTeamId}` }]);
    }
    const after = await this.d.settings.update(patch);
    await this.d.db.transaction((m) =>
      this.d.audit.record(m, {
        action: 'settings.update',
        objectType: 'ServiceDeskSettings',
        before: before as unknown as Record<string, unknown>,
        after: after as unknown as Record<string, unknown>,
      }),
    );
    return after;
  }
}
