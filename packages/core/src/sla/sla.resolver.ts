import { findPage } from '../graphql/list-query.js';
import { Arg, Args, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { type EntityManager, Not } from 'typeorm';
import { BusinessCalendarRecord } from '../entities/business-calendar.entity.js';
import { SlaClockRecord } from '../entities/sla-clock.entity.js';
import { SlaPolicyRecord } from '../entities/sla-policy.entity.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { PageArgs, PageOf, type Page } from '../graphql/pagination.js';
import { ISO_WEEKDAYS, type IsoWeekday, type WorkingWindow } from './business-calendar.js';
import { addBusinessMinutes } from './business-time.js';
import { type SlaClockView, SlaService, toCalendar } from './sla.service.js';
import { BusinessCalendarInput, BusinessCalendarType, DueSlaClockType, SlaClockType, SlaPolicyInput, SlaPolicyType } from './sla.types.js';

const CalendarPage = PageOf(BusinessCalendarType, 'BusinessCalendarPage');
const PolicyPage = PageOf(SlaPolicyType, 'SlaPolicyPage');

function toType(r: BusinessCalendarRecord): BusinessCalendarType {
  return {
    id: r.id,
    name: r.name,
    timeZone: r.timeZone,
    week: ISO_WEEKDAYS.map((weekday) => ({ weekday, windows: [...(r.week[weekday] ?? [])] })),
    holidays: r.holidays.map((h) => ({ date: h.date, yearly: h.yearly ?? false, name: h.name ?? null })),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

function toPolicyType(p: SlaPolicyRecord): SlaPolicyType {
  return {
    ...p,
    conditions: { kinds: [], severities: [], channels: [], productIds: [], customerTiers: [], ...p.conditions },
  };
}

/** A clock view in its GraphQL shape. */
export function toClockType(view: SlaClockView): SlaClockType {
  const target = (t: SlaClockView['targets'][keyof SlaClockView['targets']]) => ({
    status: t.status,
    dueAt: t.dueAt,
    atRisk: t.atRisk,
    breached: t.breached,
    minutesLeft: t.minutesLeft == null ? null : Math.round(t.minutesLeft),
    metAt: t.metAt,
    breachedAt: t.breachedAt,
  });
  return {
    policyName: view.policyName,
    paused: view.paused,
    closed: view.closed,
    firstResponse: target(view.targets.firstResponse),
    nextResponse: target(view.targets.nextResponse),
    resolution: target(view.targets.resolution),
  };
}

/** Turn the input into the stored shape and check it with the arithmetic's own validation. */
function calendarFromInput(service: SlaService, input: BusinessCalendarInput) {
  const seen = new Set<number>();
  const week: Partial<Record<IsoWeekday, WorkingWindow[]>> = {};
  input.week.forEach((d, i) => {
    if (seen.has(d.weekday)) throw new ValidationError([{ field: `week.${i}.weekday`, message: `weekday ${d.weekday} is listed twice` }]);
    seen.add(d.weekday);
    if (d.windows.length) week[d.weekday as IsoWeekday] = d.windows.map((w) => ({ start: w.start, end: w.end }));
  });
  const holidays = input.holidays.map((h) => ({
    date: h.date,
    ...(h.yearly ? { yearly: true } : {}),
    ...(h.name ? { name: h.name } : {}),
  }));
  service.validateCalendar({ timeZone: input.timeZone, week, holidays });
  return { name: input.name.trim(), timeZone: input.timeZone, week, holidays };
}

/** Business calendars and SLA policies: configuration of the SLA engine. */
@Resolver()
export class SlaResolver {
  @Authorized('core.sla.read')
  @Query(() => CalendarPage, { description: 'Business calendars, by name.' })
  async businessCalendars(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<BusinessCalendarType>> {
    const page = await findPage(ctx.db.getRepository(BusinessCalendarRecord), { order: { name: 'ASC' }, skip, take });
    return { items: page.items.map(toType), totalCount: page.totalCount };
  }

  @Authorized('core.sla.read')
  @Query(() => BusinessCalendarType)
  async businessCalendar(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<BusinessCalendarType> {
    const row = await ctx.db.getRepository(BusinessCalendarRecord).findOneBy({ id });
    if (!row) throw new NotFoundError('Business calendar', id);
    return toType(row);
  }

  @Authorized('core.sla.manage')
  @Mutation(() => BusinessCalendarType)
  async createBusinessCalendar(@Arg('input') input: BusinessCalendarInput, @Ctx() ctx: GraphQLContext): Promise<BusinessCalendarType> {
    const values = calendarFromInput(new SlaService(ctx.db.dataSource), input);
    const repo = ctx.db.getRepository(BusinessCalendarRecord);
    if (await repo.existsBy({ name: values.name }))
      throw new ConflictError(`A calendar named '${values.name}' already exists.`, { field: 'name' });
    return toType(await repo.save(repo.create(values)));
  }

  @Authorized('core.sla.manage')
  @Mutation(() => BusinessCalendarType, { description: 'Replace a calendar; open SLA clocks that use it are recalculated.' })
  async updateBusinessCalendar(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: BusinessCalendarInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'Fail with CONFLICT if someone saved in between.' })
    expectedVersion: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BusinessCalendarType> {
    const service = new SlaService(ctx.db.dataSource);
    const values = calendarFromInput(service, input);
    const saved = await ctx.db.transaction(async (m) => {
      const repo = m.getRepository(BusinessCalendarRecord);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Business calendar', id);
      if (expectedVersion != null && row.version !== expectedVersion) {
        throw new ConflictError(
          `Calendar '${row.name}' was changed by someone else (version ${row.version}, you had ${expectedVersion}). Reload and apply your change again.`,
        );
      }
      const clash = await repo.findOneBy({ name: values.name });
      if (clash && clash.id !== id) throw new ConflictError(`A calendar named '${values.name}' already exists.`, { field: 'name' });
      Object.assign(row, values);
      const result = await repo.save(row);
      await service.recalculate(m, { calendarId: id });
      return result;
    });
    return toType(saved);
  }

  @Authorized('core.sla.manage')
  @Mutation(() => Boolean, { description: 'Delete a calendar no policy uses.' })
  async deleteBusinessCalendar(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.db.transaction(async (m) => {
      const row = await m.getRepository(BusinessCalendarRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Business calendar', id);
      const users = await m.getRepository(SlaPolicyRecord).find({ where: { calendarId: id }, select: { name: true } });
      if (users.length)
        throw new ConflictError(
          `Calendar '${row.name}' is used by SLA policies ${users.map((u) => `'${u.name}'`).join(', ')}: move them to another calendar first.`,
        );
      await m.getRepository(BusinessCalendarRecord).delete({ id });
      return true;
    });
  }

  @Authorized('core.sla.read')
  @Query(() => Date, { description: 'When `minutes` business minutes after `start` end on a calendar: lets editors check a calendar.' })
  async businessTimePreview(
    @Arg('calendarId', () => ID) calendarId: string,
    @Arg('start') start: Date,
    @Arg('minutes', () => Int) minutes: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Date> {
    if (minutes < 0 || minutes > 525600) throw new ValidationError([{ field: 'minutes', message: 'must be between 0 and 525600' }]);
    const row = await ctx.db.getRepository(BusinessCalendarRecord).findOneBy({ id: calendarId });
    if (!row) throw new NotFoundError('Business calendar', calendarId);
    return addBusinessMinutes(toCalendar(row), start, minutes);
  }

  @Authorized('core.sla.read')
  @Query(() => [DueSlaClockType], {
    description: 'Open, running SLA clocks whose next due date comes soonest (overdue first): the "SLA at risk" view.',
  })
  async slaClocksDueSoon(
    @Arg('take', () => Int, { defaultValue: 10, description: 'At most 100.' }) take: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<DueSlaClockType[]> {
    if (take < 1 || take > 100) throw new ValidationError([{ field: 'take', message: 'must be between 1 and 100' }]);
    const views = await new SlaService(ctx.db.dataSource).dueSoonest(take);
    return views.map((v) => {
      const targets = Object.values(v.targets);
      const left = targets
        .map((t) => t.minutesLeft)
        .filter((m): m is number => m != null)
        .map(Math.round);
      return {
        subjectType: v.subjectType,
        subjectId: v.subjectId,
        nextDueAt: v.nextDueAt,
        atRisk: targets.some((t) => t.atRisk),
        breached: targets.some((t) => t.breached),
        minutesLeft: left.length ? Math.min(...left) : null,
        clock: toClockType(v),
      };
    });
  }

  @Authorized('core.sla.read')
  @Query(() => PolicyPage, { description: 'SLA policies in the order they are tried.' })
  async slaPolicies(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<Page<SlaPolicyType>> {
    const page = await findPage(ctx.db.getRepository(SlaPolicyRecord), { order: { priority: 'ASC', createdAt: 'ASC' }, skip, take });
    return { items: page.items.map(toPolicyType), totalCount: page.totalCount };
  }

  @Authorized('core.sla.manage')
  @Mutation(() => SlaPolicyType)
  async createSlaPolicy(@Arg('input') input: SlaPolicyInput, @Ctx() ctx: GraphQLContext): Promise<SlaPolicyType> {
    return toPolicyType(await ctx.db.transaction((m) => this.savePolicy(m, null, input)));
  }

  @Authorized('core.sla.manage')
  @Mutation(() => SlaPolicyType, { description: 'Change a policy; open SLA clocks under it are recalculated.' })
  async updateSlaPolicy(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: SlaPolicyInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SlaPolicyType> {
    return toPolicyType(
      await ctx.db.transaction(async (m) => {
        const saved = await this.savePolicy(m, id, input);
        await new SlaService(ctx.db.dataSource).recalculate(m, { policyId: id });
        return saved;
      }),
    );
  }

  @Authorized('core.sla.manage')
  @Mutation(() => Boolean, { description: 'Delete a policy that no request has used; deactivate it otherwise.' })
  async deleteSlaPolicy(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.db.transaction(async (m) => {
      const row = await m.getRepository(SlaPolicyRecord).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('SLA policy', id);
      if (row.isDefault) throw new ConflictError(`'${row.name}' is the default policy: make another policy the default first.`);
      if (await m.getRepository(SlaClockRecord).existsBy({ policyId: id })) {
        throw new ConflictError(`'${row.name}' has been applied to requests and is kept for their history: deactivate it instead.`);
      }
      await m.getRepository(SlaPolicyRecord).delete({ id });
      return true;
    });
  }

  private async savePolicy(m: EntityManager, id: string | null, input: SlaPolicyInput): Promise<SlaPolicyRecord> {
    const repo = m.getRepository(SlaPolicyRecord);
    if (!(await m.getRepository(BusinessCalendarRecord).existsBy({ id: input.calendarId }))) {
      throw new ValidationError([{ field: 'calendarId', message: 'no such business calendar' }]);
    }
    if (input.firstResponseMinutes == null && input.nextResponseMinutes == null && input.resolutionMinutes == null) {
      throw new ValidationError([{ field: 'resolutionMinutes', message: 'a policy needs at least one target' }]);
    }
    const row = id ? await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : repo.create();
    if (!row) throw new NotFoundError('SLA policy', id!);
    const clash = await repo.findOneBy({ name: input.name.trim() });
    if (clash && clash.id !== row.id) throw new ConflictError(`A policy named '${input.name.trim()}' already exists.`, { field: 'name' });
    if (row.isDefault && !input.isDefault)
      throw new ConflictError(`'${row.name}' is the default policy: make another policy the default instead.`);
    if (input.isDefault && !input.active) throw new ValidationError([{ field: 'active', message: 'the default policy must be active' }]);
    if (input.isDefault) {
      // One default at a time: the new default takes over. Locked to serialise two admins doing this at once.
      await m.getRepository(SlaPolicyRecord).createQueryBuilder().setLock('pessimistic_write').where('is_default').getMany();
      await repo.update({ isDefault: true, ...(row.id ? { id: Not(row.id) } : {}) }, { isDefault: false });
    }
    Object.assign(row, {
      name: input.name.trim(),
      priority: input.priority,
      active: input.active,
      isDefault: input.isDefault,
      conditions: input.conditions ?? {},
      firstResponseMinutes: input.firstResponseMinutes ?? null,
      nextResponseMinutes: input.nextResponseMinutes ?? null,
      resolutionMinutes: input.resolutionMinutes ?? null,
      warningLeadMinutes: input.warningLeadMinutes ?? null,
      calendarId: input.calendarId,
    });
    return repo.save(row);
  }
}
