import { IsIn, IsOptional, IsTimeZone, Length, MaxLength } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireCustomer, requireStaff } from '../access/actor.js';
import { CustomerOnly, Public } from '../access/policy.js';
import { audit } from '../audit/audit.service.js';
import { CustomerConsentEvent } from '../entities/customer-consent-event.entity.js';
import { CustomerErasureRequest } from '../entities/customer-erasure-request.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { SlaPolicyRecord } from '../entities/sla-policy.entity.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { checkId } from '../domain/customer.resolver.js';
import { customerLoader } from '../domain/loaders.js';
import { PORTAL_LANGUAGES, PORTAL_SETTINGS_OWNER, type PortalSettings, portalSettingsSchema } from './portal-settings.js';

@ObjectType({ description: 'How the customer portal presents the company. Public.' })
class PortalConfiguration {
  @Field()
  companyName: string;

  @Field(() => String, { nullable: true })
  logoUrl: string | null;

  @Field({ description: '#rrggbb' })
  primaryColor: string;

  @Field({ description: '#rrggbb' })
  accentColor: string;

  @Field(() => [String], { description: 'Languages offered, the default first.' })
  languages: string[];
}

@ObjectType({ description: 'A way to submit a complaint.' })
class ComplaintChannel {
  @Field({ description: 'portal, email, phone or post.' })
  kind: string;

  @Field({ description: 'The address, number or portal path.' })
  value: string;
}

@ObjectType({ description: 'Response and resolution targets of an active SLA policy, in business time.' })
class ComplaintResponseTarget {
  @Field(() => [String], { description: 'Request kinds it applies to (inquiry, complaint, claim); empty: every kind.' })
  kinds: string[];

  @Field(() => [String], { description: 'Severities it applies to; empty: every severity.' })
  severities: string[];

  @Field(() => Int, { nullable: true, description: 'First answer within this many business minutes.' })
  firstResponseMinutes: number | null;

  @Field(() => Int, { nullable: true, description: 'Resolution within this many business minutes.' })
  resolutionMinutes: number | null;

  @Field({ description: 'Whether this is the default policy (applies when no other matches).' })
  isDefault: boolean;
}

@ObjectType({ description: 'The public complaint procedure, generated from the configuration and the active SLA policies.' })
class ComplaintProcedure {
  @Field()
  companyName: string;

  @Field({ description: 'Who is responsible for handling complaints.' })
  responsible: string;

  @Field(() => [ComplaintChannel])
  channels: ComplaintChannel[];

  @Field({ description: 'Complaining costs the customer nothing. Always true.' })
  free: boolean;

  @Field(() => [ComplaintResponseTarget], { description: 'Targets of the active policies open to every customer, default last.' })
  targets: ComplaintResponseTarget[];

  @Field({ description: 'Contact for personal-data questions.' })
  dataProtectionContact: string;

  @Field(() => Int, { description: 'Months the data of a closed request is kept.' })
  retentionMonths: number;
}

@ObjectType({ description: 'One change of one of your consents.' })
class ConsentChange {
  @Field(() => ID)
  id: string;

  @Field({ description: 'marketing or survey.' })
  kind: string;

  @Field()
  granted: boolean;

  @Field({ description: 'Where: portal, staff, import, checkout, …' })
  source: string;

  @Field()
  at: Date;
}

@InputType({ description: 'What a customer changes of their own profile; absent fields keep their value.' })
class UpdateMyProfileInput {
  @Field({ nullable: true })
  @IsOptional()
  @Length(1, 200, { message: 'must be 1 to 200 characters' })
  name?: string;

  @Field({ nullable: true, description: 'Language of the portal and messages: en or es.' })
  @IsOptional()
  @IsIn([...PORTAL_LANGUAGES], { message: `must be one of ${PORTAL_LANGUAGES.join(', ')}` })
  locale?: string;

  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Madrid.' })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Madrid' })
  timeZone?: string;

  @Field(() => String, { nullable: true, description: 'Telephone number; empty removes it.' })
  @IsOptional()
  @MaxLength(40, { message: 'must be at most 40 characters' })
  phone?: string | null;
}

@InputType()
class RequestMyErasureInput {
  @Field(() => String, { nullable: true, description: 'Optional: anything staff should know.' })
  @IsOptional()
  @MaxLength(2000, { message: 'must be at most 2000 characters' })
  reason?: string | null;
}

/** Reads the portal settings through their schema, defaults filled in. */
async function portalSettings(ctx: GraphQLContext): Promise<PortalSettings> {
  const s = ctx.settings.get(PORTAL_SETTINGS_OWNER);
  return portalSettingsSchema.parse(s ? await s.access.get() : {});
}

/**
 * What the customer portal needs from core: its public configuration and complaint procedure, and
 * the signed-in customer's own account (profile, consent history, data export, erasure request).
 * Every customer operation acts on the caller only; there is no customer id to pass.
 */
@Resolver()
export class PortalResolver {
  @Public()
  @Query(() => PortalConfiguration, { description: 'Company name, logo, colours and languages of the customer portal. Public.' })
  async portalConfiguration(@Ctx() ctx: GraphQLContext): Promise<PortalConfiguration> {
    const s = await portalSettings(ctx);
    return {
      companyName: s.companyName,
      logoUrl: s.logoUrl || null,
      primaryColor: s.primaryColor,
      accentColor: s.accentColor,
      languages: s.languages,
    };
  }

  @Public()
  @Query(() => ComplaintProcedure, {
    description:
      'How to complain, how fast the answer comes (from the active SLA policies), what it costs and how personal data is handled. Public.',
  })
  async complaintProcedure(@Ctx() ctx: GraphQLContext): Promise<ComplaintProcedure> {
    const s = await portalSettings(ctx);
    const policies = await ctx.db.getRepository(SlaPolicyRecord).find({ where: { active: true }, order: { priority: 'ASC', name: 'ASC' } });
    // Policies reserved for some customers or products are not promised to the public.
    const general = policies.filter(
      (p) => !p.conditions.customerTiers?.length && !p.conditions.productIds?.length && !p.conditions.channels?.length,
    );
    const targets = general
      .filter((p) => p.firstResponseMinutes !== null || p.resolutionMinutes !== null)
      .sort((a, b) => Number(a.isDefault) - Number(b.isDefault))
      .map((p) => ({
        kinds: p.conditions.kinds ?? [],
        severities: p.conditions.severities ?? [],
        firstResponseMinutes: p.firstResponseMinutes,
        resolutionMinutes: p.resolutionMinutes,
        isDefault: p.isDefault,
      }));
    const channels: ComplaintChannel[] = [
      { kind: 'portal', value: 'cases/new' },
      { kind: 'email', value: s.complaintEmail },
    ];
    if (s.complaintPhone) channels.push({ kind: 'phone', value: s.complaintPhone });
    if (s.complaintPostalAddress) channels.push({ kind: 'post', value: s.complaintPostalAddress });
    return {
      companyName: s.companyName,
      responsible: s.complaintResponsible,
      channels,
      free: true,
      targets,
      dataProtectionContact: s.dataProtectionContact,
      retentionMonths: s.personalDataRetentionMonths,
    };
  }

  @CustomerOnly()
  @Mutation(() => Customer, { description: 'Change your own name, language, time zone or telephone number.' })
  async updateMyProfile(@Arg('input') input: UpdateMyProfileInput, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    const customerId = requireCustomer(ctx);
    const { phone, ...rest } = input;
    const fields: Record<string, unknown> = { ...rest };
    if (phone !== undefined) fields.phones = phone?.trim() ? [{ number: phone.trim(), label: null }] : [];
    return ctx.domain.customers.update(customerId, fields, null);
  }

  @CustomerOnly()
  @Query(() => [ConsentChange], { description: 'Every change of your consents, newest first.' })
  async myConsentHistory(@Ctx() ctx: GraphQLContext): Promise<ConsentChange[]> {
    const customerId = requireCustomer(ctx);
    return ctx.db.getRepository(CustomerConsentEvent).find({ where: { customerId }, order: { at: 'DESC', id: 'ASC' }, take: 200 });
  }

  @CustomerOnly()
  @Query(() => GraphQLJSONObject, { description: 'Everything held about you, from core and every plugin, as JSON (right of access).' })
  async myDataExport(@Ctx() ctx: GraphQLContext): Promise<Record<string, unknown>> {
    const customerId = requireCustomer(ctx);
    const data = await ctx.domain.privacy.export(customerId);
    await ctx.db.transaction((m) => audit.record(m, { action: 'customer.exportOwnData', objectType: 'Customer', objectId: customerId }));
    return data;
  }

  @CustomerOnly()
  @Query(() => CustomerErasureRequest, { nullable: true, description: 'Your latest request to erase your data, if any.' })
  myErasureRequest(@Ctx() ctx: GraphQLContext): Promise<CustomerErasureRequest | null> {
    const customerId = requireCustomer(ctx);
    return ctx.db.getRepository(CustomerErasureRequest).findOne({ where: { customerId }, order: { requestedAt: 'DESC' } });
  }

  @CustomerOnly()
  @Mutation(() => CustomerErasureRequest, {
    description: 'Ask for your personal data to be erased. Staff review the request; CONFLICT when one is already pending.',
  })
  async requestMyErasure(@Arg('input') input: RequestMyErasureInput, @Ctx() ctx: GraphQLContext): Promise<CustomerErasureRequest> {
    const customerId = requireCustomer(ctx);
    return ctx.db.transaction(async (m) => {
      const pending = await m
        .getRepository(CustomerErasureRequest)
        .findOne({ where: { customerId, status: 'pending' }, lock: { mode: 'pessimistic_write' } });
      if (pending)
        throw new ConflictError('You already asked for your data to be erased; staff are reviewing the request.', {
          requestId: pending.id,
        });
      const row = await m
        .getRepository(CustomerErasureRequest)
        .save({ customerId, reason: input.reason?.trim() || null, status: 'pending' as const });
      await audit.record(m, { action: 'customer.requestErasure', objectType: 'Customer', objectId: customerId });
      return row;
    });
  }

  @Authorized('core.customer.anonymize')
  @Query(() => [CustomerErasureRequest], {
    description: 'Pending erasure requests, oldest first. Carry one out with anonymizeCustomer or decline it.',
  })
  erasureRequests(@Ctx() ctx: GraphQLContext): Promise<CustomerErasureRequest[]> {
    return ctx.db.getRepository(CustomerErasureRequest).find({ where: { status: 'pending' }, order: { requestedAt: 'ASC' }, take: 100 });
  }

  @Authorized('core.customer.anonymize')
  @Mutation(() => CustomerErasureRequest, {
    description: 'Decline a pending erasure request (e.g. data that must be kept by law); tell the customer why.',
  })
  async declineErasureRequest(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<CustomerErasureRequest> {
    checkId(id, 'Erasure request');
    const staff = requireStaff(ctx);
    return ctx.db.transaction(async (m) => {
      const row = await m.getRepository(CustomerErasureRequest).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Erasure request', id);
      if (row.status !== 'pending') throw new ConflictError(`This erasure request is ${row.status} already.`, { status: row.status });
      row.status = 'declined';
      row.handledAt = new Date();
      row.handledBy = `staff:${staff.userId}`;
      await m.save(row);
      await audit.record(m, { action: 'customer.declineErasure', objectType: 'Customer', objectId: row.customerId });
      return row;
    });
  }
}

/** The customer behind an erasure request, for staff reviewing it. */
@Resolver(() => CustomerErasureRequest)
export class ErasureRequestResolver {
  @Authorized('core.customer.read')
  @FieldResolver(() => Customer, { description: 'Who asked. Needs core.customer.read (staff reads are audited).' })
  async customer(@Root() r: CustomerErasureRequest, @Ctx() ctx: GraphQLContext): Promise<Customer> {
    return (await customerLoader(ctx).load(r.customerId))!;
  }
}
