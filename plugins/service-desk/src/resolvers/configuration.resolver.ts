import { type GraphQLContext, StaffRefType, staffRef, validId } from '@aftercare/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CannedResponse } from '../entities/canned-response.entity.js';
import { TeamMember } from '../entities/team-member.entity.js';
import { Team } from '../entities/team.entity.js';
import { P } from '../permissions.js';
import type { ServiceDesk } from '../runtime.js';
import type { ServiceDeskSettings } from '../settings.js';
import { PLACEHOLDERS } from '../services/placeholders.js';
import { loaders } from './loaders.js';
import {
  CannedResponseInput,
  CodeUsagesType,
  CannedResponseType,
  ServiceDeskSettingsInput,
  ServiceDeskTeamInput,
  ServiceDeskTeamMemberInput,
  SettingsType,
  TeamMemberType,
  TeamType,
} from './types.js';

/** Teams, canned responses and settings of the service desk. */
@Resolver(() => TeamType)
export class ConfigurationResolver {
  constructor(private readonly desk: ServiceDesk) {}

  @Authorized(P.caseRead)
  @Query(() => [TeamType], { description: 'Teams by name.' })
  serviceDeskTeams(@Ctx() ctx: GraphQLContext): Promise<Team[]> {
    return ctx.db.getRepository(Team).find({ order: { name: 'ASC' }, take: 500 });
  }

  @Authorized(P.settingsManage)
  @Mutation(() => TeamType, { description: 'Create a team, or change one (with id).' })
  saveServiceDeskTeam(@Arg('input') input: ServiceDeskTeamInput): Promise<Team> {
    return this.desk.configuration.saveTeam(input);
  }

  @Authorized(P.settingsManage)
  @Mutation(() => Boolean, {
    description: 'Delete a team. CONFLICT while it is the default team or has open cases; its closed cases keep their history.',
  })
  deleteServiceDeskTeam(@Arg('id', () => ID) id: string): Promise<boolean> {
    return this.desk.configuration.deleteTeam(validId('Team', id));
  }

  @Authorized(P.settingsManage)
  @Query(() => [StaffRefType], {
    description: 'Active staff users whose name or e-mail contains search, by name: candidates for team members.',
  })
  serviceDeskStaffCandidates(
    @Arg('search', { defaultValue: '' }) search: string,
    @Arg('take', () => Int, { defaultValue: 20 }) take: number,
  ) {
    return this.desk.configuration.staffCandidates(search.slice(0, 100), take);
  }

  @Authorized(P.settingsManage)
  @Query(() => CodeUsagesType, {
    description: 'Cases per category and root cause: the configured ones, and retired ones cases still carry.',
  })
  serviceDeskCodeUsage() {
    return this.desk.configuration.codeUsage();
  }

  @Authorized(P.settingsManage)
  @Mutation(() => TeamMemberType, { description: 'Add a staff user to a team or change their flags (supervisor, absent).' })
  setServiceDeskTeamMember(@Arg('input') input: ServiceDeskTeamMemberInput): Promise<TeamMember> {
    return this.desk.configuration.setMember(input);
  }

  @Authorized(P.settingsManage)
  @Mutation(() => Boolean, { description: 'Remove a staff user from a team; false if they were not in it.' })
  removeServiceDeskTeamMember(
    @Arg('teamId', () => ID) teamId: string,
    @Arg('staffUserId', () => ID) staffUserId: string,
  ): Promise<boolean> {
    return this.desk.configuration.removeMember(validId('Team', teamId), validId('Staff user', staffUserId));
  }

  @FieldResolver(() => [TeamMemberType])
  members(@Root() team: Team, @Ctx() ctx: GraphQLContext): Promise<TeamMember[]> {
    return loaders(ctx).teamMembers.load(team.id);
  }

  @Authorized(P.caseRead)
  @Query(() => [CannedResponseType], { description: 'Canned responses by name.' })
  cannedResponses(@Ctx() ctx: GraphQLContext): Promise<CannedResponse[]> {
    return ctx.db.getRepository(CannedResponse).find({ order: { name: 'ASC' }, take: 500 });
  }

  @Authorized(P.caseRead)
  @Query(() => [String], { description: 'Placeholders a canned response may use, e.g. customer.name for {{customer.name}}.' })
  cannedResponsePlaceholders(): string[] {
    return Object.keys(PLACEHOLDERS);
  }

  @Authorized(P.settingsManage)
  @Mutation(() => CannedResponseType, {
    description: 'Create a canned response, or change one (with id). Unknown placeholders are refused.',
  })
  saveCannedResponse(@Arg('input') input: CannedResponseInput): Promise<CannedResponse> {
    return this.desk.configuration.saveCannedResponse(input);
  }

  @Authorized(P.settingsManage)
  @Mutation(() => Boolean)
  deleteCannedResponse(@Arg('id', () => ID) id: string): Promise<boolean> {
    return this.desk.configuration.deleteCannedResponse(validId('Canned response', id));
  }

  @Authorized(P.caseRead)
  @Query(() => SettingsType, { description: 'Categories, root causes, thresholds and limits of the service desk.' })
  async serviceDeskSettings(): Promise<ServiceDeskSettings & { version: number }> {
    const { values, version } = await this.desk.deps.settings.getVersioned();
    return { ...values, version };
  }

  @Authorized(P.settingsManage)
  @Mutation(() => SettingsType, { description: 'Change service desk settings; only the fields given change.' })
  async updateServiceDeskSettings(@Arg('input') input: ServiceDeskSettingsInput): Promise<ServiceDeskSettings & { version: number }> {
    const { expectedVersion, ...rest } = input;
    const patch = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<ServiceDeskSettings>;
    const { values, version } = await this.desk.configuration.updateSettings(patch, expectedVersion ?? undefined);
    return { ...values, version };
  }
}

/** The staff user of a team membership. */
@Resolver(() => TeamMemberType)
export class TeamMemberResolver {
  @FieldResolver(() => StaffRefType, { nullable: true })
  staffUser(@Root() m: TeamMember, @Ctx() ctx: GraphQLContext) {
    return staffRef(ctx, m.staffUserId);
  }
}
