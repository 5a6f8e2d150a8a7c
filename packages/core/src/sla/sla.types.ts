import { ListSize } from '../graphql/query-cost.js';
import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

@ObjectType('WorkingWindow', { description: 'Working time within a day, local "HH:mm"; end is exclusive and may be "24:00".' })
@InputType('WorkingWindowInput')
export class WorkingWindowType {
  @Field()
  @Matches(TIME, { message: 'must be a time "HH:mm" between 00:00 and 24:00' })
  start: string;

  @Field()
  @Matches(TIME, { message: 'must be a time "HH:mm" between 00:00 and 24:00' })
  end: string;
}

@ObjectType('WeekdayHours')
@InputType('WeekdayHoursInput')
export class WeekdayHoursType {
  @Field(() => Int, { description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  @IsInt()
  @Min(1, { message: 'must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'must be 1 (Monday) to 7 (Sunday)' })
  weekday: number;

  @Field(() => [WorkingWindowType])
  @ListSize(12)
  @ValidateNested({ each: true })
  @ArrayMaxSize(12)
  windows: WorkingWindowType[];
}

@ObjectType('Holiday')
@InputType('HolidayInput')
export class HolidayType {
  @Field({ description: 'Local date YYYY-MM-DD.' })
  @Matches(DATE, { message: 'must be a date YYYY-MM-DD' })
  date: string;

  @Field({ defaultValue: false, description: 'Repeats every year on the same month and day.' })
  @IsBoolean()
  yearly: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(0, 100)
  name?: string | null;
}

@ObjectType('BusinessCalendar', { description: 'Working hours and holidays of one place, in its time zone.' })
export class BusinessCalendarType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'IANA time zone, e.g. Europe/Madrid.' })
  timeZone: string;

  @Field(() => [WeekdayHoursType], { description: 'Seven entries, Monday first; a day off has no windows.' })
  @ListSize(7)
  week: WeekdayHoursType[];

  @Field(() => [HolidayType])
  holidays: HolidayType[];

  @Field(() => Int, { description: 'Increases with every change; send it back as expectedVersion to detect concurrent edits.' })
  version: number;

  @Field()
  updatedAt: Date;
}

@InputType()
export class BusinessCalendarInput {
  @Field()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name: string;

  @Field()
  @Length(1, 64, { message: 'must be an IANA time zone such as Europe/Madrid' })
  timeZone: string;

  @Field(() => [WeekdayHoursType])
  @ValidateNested({ each: true })
  @ArrayMaxSize(7)
  week: WeekdayHoursType[];

  @Field(() => [HolidayType], { defaultValue: [] })
  @ValidateNested({ each: true })
  @ArrayMaxSize(500)
  holidays: HolidayType[];
}

@ObjectType('SlaPolicyConditions', { description: 'Which requests a policy applies to; an empty list matches all.' })
@InputType('SlaPolicyConditionsInput')
export class SlaPolicyConditionsType {
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  kinds: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  severities: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  channels: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(500)
  productIds: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  customerTiers: string[];
}

@ObjectType('SlaPolicy', {
  description: 'Response and resolution targets in business minutes. The first matching policy by priority applies.',
})
export class SlaPolicyType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Lower is tried first.' })
  priority: number;

  @Field()
  active: boolean;

  @Field({ description: 'Catches every request no other policy matches.' })
  isDefault: boolean;

  @Field(() => SlaPolicyConditionsType)
  conditions: SlaPolicyConditionsType;

  @Field(() => Int, { nullable: true })
  firstResponseMinutes: number | null;

  @Field(() => Int, { nullable: true })
  nextResponseMinutes: number | null;

  @Field(() => Int, { nullable: true })
  resolutionMinutes: number | null;

  @Field(() => Int, { nullable: true, description: 'Warn this many business minutes before a due date; default a fifth of the budget.' })
  warningLeadMinutes: number | null;

  @Field(() => ID)
  calendarId: string;
}

const minutes = (label: string) => ({ nullable: true, description: `${label} target in business minutes; null for none.` });

@InputType()
export class SlaPolicyInput {
  @Field()
  @Length(1, 100, { message: 'must be 1 to 100 characters' })
  name: string;

  @Field(() => Int, { defaultValue: 100 })
  @IsInt()
  @Min(0)
  @Max(100000)
  priority: number;

  @Field({ defaultValue: true })
  active: boolean;

  @Field({ defaultValue: false })
  isDefault: boolean;

  @Field(() => SlaPolicyConditionsType, { nullable: true })
  @IsOptional()
  @ValidateNested()
  conditions?: SlaPolicyConditionsType | null;

  @Field(() => Int, minutes('First response'))
  @IsOptional()
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525600, { message: 'must be at most a year of minutes' })
  firstResponseMinutes?: number | null;

  @Field(() => Int, minutes('Next response'))
  @IsOptional()
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525600, { message: 'must be at most a year of minutes' })
  nextResponseMinutes?: number | null;

  @Field(() => Int, minutes('Resolution'))
  @IsOptional()
  @Min(1, { message: 'must be at least 1 minute' })
  @Max(525600, { message: 'must be at most a year of minutes' })
  resolutionMinutes?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(525600)
  warningLeadMinutes?: number | null;

  @Field(() => ID)
  @Length(36, 36, { message: 'must be a calendar id' })
  calendarId: string;
}

@ObjectType('SlaTarget', { description: 'One SLA target of a request, evaluated now.' })
export class SlaTargetType {
  @Field({ description: 'running, paused, met, breached or not_applicable.' })
  status: string;

  @Field(() => Date, { nullable: true })
  dueAt: Date | null;

  @Field({ description: 'Running and within the warning lead of its due date.' })
  atRisk: boolean;

  @Field()
  breached: boolean;

  @Field(() => Int, { nullable: true, description: 'Business minutes to the due date; negative when overdue.' })
  minutesLeft: number | null;

  @Field(() => Date, { nullable: true })
  metAt: Date | null;

  @Field(() => Date, { nullable: true })
  breachedAt: Date | null;
}

@ObjectType('SlaClock', { description: 'The SLA clock of one request. Plugins expose it on their requests (e.g. Case.sla).' })
export class SlaClockType {
  @Field()
  policyName: string;

  @Field()
  paused: boolean;

  @Field()
  closed: boolean;

  @Field(() => SlaTargetType)
  firstResponse: SlaTargetType;

  @Field(() => SlaTargetType)
  nextResponse: SlaTargetType;

  @Field(() => SlaTargetType)
  resolution: SlaTargetType;
}

@ObjectType('DueSlaClock', { description: 'An open SLA clock and its next due date, for "SLA at risk" views.' })
export class DueSlaClockType {
  @Field({ description: "The request's type, e.g. 'service-desk.case'." })
  subjectType: string;

  @Field(() => ID)
  subjectId: string;

  @Field({ description: 'The earliest due date among its running targets.' })
  nextDueAt: Date;

  @Field({ description: 'Some running target is within its warning lead.' })
  atRisk: boolean;

  @Field({ description: 'Some target is already breached.' })
  breached: boolean;

  @Field(() => Int, { nullable: true, description: 'Business minutes to the next due date; negative when overdue.' })
  minutesLeft: number | null;

  @Field(() => SlaClockType)
  clock: SlaClockType;

  // subjectLabel, subjectReference and adminPath are resolved by SlaSubjectResolver (batched per subject type).
}

@ObjectType('OpenSlaRequests', {
  description: 'Open requests with an SLA clock, of one subject type: the "Open requests" dashboard view.',
})
export class OpenSlaRequestsType {
  @Field({ description: "The requests' type, e.g. 'service-desk.case'." })
  subjectType: string;

  @Field(() => String, {
    nullable: true,
    description: 'Plural name in English from the owning plugin, e.g. "Service cases"; null when no enabled plugin describes the type.',
  })
  label: string | null;

  @Field(() => String, { nullable: true, description: 'Console path of the list of such requests, e.g. /service-desk/cases.' })
  listPath: string | null;

  @Field(() => Int, { description: 'Requests not resolved yet (including paused ones).' })
  open: number;

  @Field(() => Int, { description: 'Open requests whose clock is paused (waiting on the customer or a third party).' })
  paused: number;

  @Field(() => Int, { description: 'Open requests past a due date.' })
  breached: number;

  @Field(() => Int, {
    description: 'Open requests not breached yet whose SLA warning has been raised (within the warning lead of a due date).',
  })
  atRisk: number;
}
