import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  type Dimension,
  type FollowUpStatus,
  type FollowUpType,
  SurveyDimensionEnum,
  SurveyFollowUpStatusEnum,
  SurveyFollowUpTypeEnum,
  type SurveyKind,
  SurveyKindEnum,
} from '../domain.js';

// ------------------------------------------------------------------ survey content

@ObjectType('SurveyLocalizedText', { description: 'A text in one language.' })
@InputType('SurveyLocalizedTextInput')
export class LocalizedTextType {
  @Field({ description: 'BCP 47 language tag, e.g. en, es, es-MX.' }) @MaxLength(20) locale: string;
  @Field() @MaxLength(2000) text: string;
}

@ObjectType('SurveyFollowUpOption', { description: 'An option of a choice question.' })
@InputType('SurveyFollowUpOptionInput')
export class FollowUpOptionType {
  @Field() @MaxLength(40) key: string;
  @Field(() => [LocalizedTextType]) @ArrayMaxSize(20) @ValidateNested() label: LocalizedTextType[];
}

@ObjectType('SurveyFollowUp', { description: 'A follow-up question, asked when the main score is within [minScore, maxScore].' })
@InputType('SurveyFollowUpInput')
export class FollowUpQuestionType {
  @Field({ description: 'Stable key of the question, e.g. what_went_wrong.' }) @MaxLength(40) key: string;
  @Field(() => SurveyFollowUpTypeEnum) type: FollowUpType;
  @Field(() => [LocalizedTextType]) @ArrayMaxSize(20) @ValidateNested() label: LocalizedTextType[];
  @Field(() => [FollowUpOptionType], { defaultValue: [] }) @ArrayMaxSize(30) @ValidateNested() options: FollowUpOptionType[];
  @Field(() => Int, { nullable: true, description: 'Ask only from this main score up.' }) @IsOptional() minScore: number | null;
  @Field(() => Int, { nullable: true, description: 'Ask only up to this main score.' }) @IsOptional() maxScore: number | null;
  @Field(() => Int, { nullable: true, description: 'Highest value of a rating question (2–10, default 5).' }) @IsOptional() ratingMax:
    number | null;
}

@InputType('SaveSurveyInput', { description: 'A new survey (no id) or a change; a survey with answers gets a new version.' })
export class SaveSurveyInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field() @MaxLength(500) name: string;
  @Field(() => SurveyKindEnum) kind: SurveyKind;
  @Field({ nullable: true }) @IsOptional() active?: boolean;
  @Field({ description: 'Language used when the customer’s is missing, e.g. en.' }) @MaxLength(20) defaultLocale: string;
  @Field(() => [LocalizedTextType], { description: 'The main question, per language.' })
  @ArrayMaxSize(20)
  @ValidateNested()
  question: LocalizedTextType[];
  @Field(() => [LocalizedTextType], { defaultValue: [] }) @ArrayMaxSize(20) @ValidateNested() thankYou: LocalizedTextType[];
  @Field(() => [FollowUpQuestionType], { defaultValue: [] }) @ArrayMaxSize(20) @ValidateNested() followUps: FollowUpQuestionType[];
  @Field(() => Int, { nullable: true, description: 'The version you saw; CONFLICT when the survey changed since.' })
  @IsOptional()
  expectedVersion?: number | null;
}

// ------------------------------------------------------------------ triggers

@InputType('SurveyTriggerConditionInput')
export class TriggerConditionInput {
  @Field({ description: 'A context field of the trigger event, e.g. channel.' }) @MaxLength(60) field: string;
  @Field({ defaultValue: false, description: 'True: the value must be none of values.' }) negate: boolean;
  @Field(() => [String]) @ArrayMaxSize(50) values: string[];
}

@InputType('SaveSurveyTriggerInput', { description: 'A new trigger (no id) or a change.' })
export class SaveSurveyTriggerInput {
  @Field(() => ID, { nullable: true }) @IsOptional() id?: string | null;
  @Field(() => ID) surveyId: string;
  @Field({ description: 'A declared trigger event, see surveyTriggerEvents.' }) @MaxLength(120) eventType: string;
  @Field(() => Int, { defaultValue: 0 }) delayMinutes: number;
  @Field(() => Int, { defaultValue: 100 }) samplingPercent: number;
  @Field(() => [TriggerConditionInput], { defaultValue: [] }) @ArrayMaxSize(10) @ValidateNested() conditions: TriggerConditionInput[];
  @Field({ nullable: true }) @IsOptional() active?: boolean;
}

@ObjectType('SurveyTriggerContextField', { description: 'A payload field a trigger event carries as context.' })
export class TriggerContextFieldType {
  @Field() field: string;
  @Field() label: string;
  @Field({ description: 'staff, team, model, id, text or number.' }) kind: string;
}

@ObjectType('SurveyTriggerEvent', { description: 'An event of an enabled plugin that can trigger a survey.' })
export class TriggerEventType {
  @Field() type: string;
  @Field() owner: string;
  @Field() label: string;
  @Field(() => [TriggerContextFieldType]) context: TriggerContextFieldType[];
}

// ------------------------------------------------------------------ answering

@InputType('SurveyAnswerInput', { description: 'The answer to one follow-up question.' })
export class AnswerInput {
  @Field() @MaxLength(40) key: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(2000) text?: string | null;
  @Field(() => [String], { nullable: true }) @IsOptional() @ArrayMaxSize(30) choices?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() rating?: number | null;
}

@InputType('AnswerSurveyInput', { description: 'The main score (first time required) and follow-up answers; complete ends the survey.' })
export class AnswerSurveyInput {
  @Field(() => Int, { nullable: true }) @IsOptional() score?: number | null;
  @Field(() => [AnswerInput], { defaultValue: [] }) @ArrayMaxSize(40) @ValidateNested() answers: AnswerInput[];
  @Field({ defaultValue: false, description: 'Finish: the link is used up and the thank-you shows.' }) complete: boolean;
  @Field(() => String, { nullable: true, description: 'Language of the returned texts.' }) @IsOptional() @MaxLength(20) locale?:
    string | null;
}

@ObjectType('SurveyAnswer', { description: 'An answer to a follow-up question.' })
export class AnswerType {
  @Field() key: string;
  @Field({ description: 'The question, in the language asked for.' }) question: string;
  @Field(() => String, { nullable: true }) text: string | null;
  @Field(() => [String], { nullable: true }) choices: string[] | null;
  @Field(() => Int, { nullable: true }) rating: number | null;
}

@ObjectType('SurveyPublicOption')
export class PublicOption {
  @Field() key: string;
  @Field() label: string;
}

@ObjectType('SurveyPublicQuestion', { description: 'A follow-up question in the customer’s language.' })
export class PublicQuestion {
  @Field() key: string;
  @Field(() => SurveyFollowUpTypeEnum) type: FollowUpType;
  @Field() label: string;
  @Field(() => [PublicOption]) options: PublicOption[];
  @Field(() => Int, { nullable: true }) minScore: number | null;
  @Field(() => Int, { nullable: true }) maxScore: number | null;
  @Field(() => Int, { nullable: true }) ratingMax: number | null;
}

@ObjectType('SurveyPublicAnswer')
export class PublicAnswer {
  @Field() key: string;
  @Field(() => String, { nullable: true }) text: string | null;
  @Field(() => [String], { nullable: true }) choices: string[] | null;
  @Field(() => Int, { nullable: true }) rating: number | null;
}

@ObjectType('SurveyInvitationView', {
  description: 'What a survey link opens. state: OPEN (answer it), ANSWERED (link used), EXPIRED or INVALID (nothing else is shown).',
})
export class InvitationViewType {
  @Field({ description: 'open, answered, expired or invalid.' }) state: string;
  @Field(() => String, { nullable: true }) locale: string | null;
  @Field(() => SurveyKindEnum, { nullable: true }) kind: SurveyKind | null;
  @Field(() => Int, { nullable: true }) scaleMin: number | null;
  @Field(() => Int, { nullable: true }) scaleMax: number | null;
  @Field(() => String, { nullable: true }) question: string | null;
  @Field(() => String, { nullable: true }) thankYou: string | null;
  @Field(() => [PublicQuestion]) followUps: PublicQuestion[];
  @Field(() => Int, { nullable: true }) score: number | null;
  @Field(() => [PublicAnswer]) answers: PublicAnswer[];
  @Field(() => [String], { description: 'Languages the survey is written in.' }) locales: string[];
}

@ObjectType('MySurvey', { description: 'A survey sent to you; token opens the answer page while you can answer.' })
export class MySurveyType {
  @Field(() => ID) id: string;
  @Field(() => SurveyKindEnum) kind: SurveyKind;
  @Field() question: string;
  @Field() sentAt: Date;
  @Field(() => Date, { nullable: true }) expiresAt: Date | null;
  @Field() answered: boolean;
  @Field(() => Int, { nullable: true }) score: number | null;
  @Field(() => String, { nullable: true }) token: string | null;
}

// ------------------------------------------------------------------ inbox

@InputType('SurveyResponseFilter')
export class ResponseFilterInput {
  @Field(() => ID, { nullable: true }) @IsOptional() surveyId?: string | null;
  @Field(() => SurveyKindEnum, { nullable: true }) @IsOptional() kind?: SurveyKind | null;
  @Field(() => SurveyFollowUpStatusEnum, { nullable: true }) @IsOptional() status?: FollowUpStatus | null;
  @Field({ nullable: true }) @IsOptional() detractorOnly?: boolean;
  @Field(() => String, { nullable: true, description: 'Words in the comments.' }) @IsOptional() @MaxLength(200) search?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(40) tag?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a customer id' }) customerId?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() from?: Date | null;
  @Field(() => Date, { nullable: true }) @IsOptional() to?: Date | null;
}

@InputType('UpdateSurveyResponseFollowUpInput')
export class FollowUpInput {
  @Field(() => ID) id: string;
  @Field(() => SurveyFollowUpStatusEnum, { nullable: true }) @IsOptional() status?: FollowUpStatus | null;
  @Field(() => ID, { nullable: true }) @IsOptional() ownerId?: string | null;
  @Field({ nullable: true, description: 'Remove the owner.' }) @IsOptional() clearOwner?: boolean;
  @Field(() => [String], { nullable: true, description: 'Replaces the tags.' }) @IsOptional() @ArrayMaxSize(20) tags?: string[] | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) expectedVersion?: number | null;
}

// ------------------------------------------------------------------ analytics

@InputType('SurveyAnalyticsInput')
export class AnalyticsInput {
  @Field() from: Date;
  @Field() to: Date;
  @Field(() => ID, { nullable: true }) @IsOptional() surveyId?: string | null;
  @Field(() => SurveyDimensionEnum, { nullable: true }) @IsOptional() groupBy?: Dimension | null;
  @Field(() => String, { nullable: true, description: 'day, week (default) or month.' }) @IsOptional() interval?:
    'day' | 'week' | 'month' | null;
  @Field(() => String, { nullable: true, description: 'IANA zone of the trend buckets; default UTC.' })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;
}

@ObjectType('SurveyEstimate', { description: 'A measure with its sample size and 95 % confidence interval.' })
export class EstimateType {
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Int) sampleSize: number;
  @Field(() => Float, { nullable: true }) low: number | null;
  @Field(() => Float, { nullable: true }) high: number | null;
}

@ObjectType('SurveyScoreGroup', { description: 'Scores of one group (an agent, a model...); hidden below the minimum sample for people.' })
export class ScoreGroupType {
  @Field(() => String, { nullable: true, description: 'The group’s id or code; null for responses without it.' }) key: string | null;
  @Field(() => String, { nullable: true, description: 'Name of the person, team or model, when known.' }) label: string | null;
  @Field(() => EstimateType) nps: EstimateType;
  @Field(() => EstimateType) csat: EstimateType;
  @Field(() => EstimateType) ces: EstimateType;
  @Field(() => Int) responses: number;
  @Field() hidden: boolean;
}

@ObjectType('SurveyTrendPoint')
export class TrendPointType {
  @Field() bucket: Date;
  @Field(() => EstimateType) nps: EstimateType;
  @Field(() => EstimateType) csat: EstimateType;
  @Field(() => EstimateType) ces: EstimateType;
  @Field(() => Int) responses: number;
}

@ObjectType('SurveyScoreCount')
export class ScoreCountType {
  @Field(() => SurveyKindEnum) kind: SurveyKind;
  @Field(() => Int) score: number;
  @Field(() => Int) count: number;
}

@ObjectType('SurveyAnalytics', {
  description:
    'CSAT = % of CSAT answers scoring 4–5 (Wilson interval); NPS = % promoters (9–10) − % detractors (0–6) (normal-approximation interval); CES = mean effort 1–7 (normal interval); response rate = responses / surveys sent (Wilson).',
})
export class AnalyticsType {
  @Field(() => EstimateType) nps: EstimateType;
  @Field(() => EstimateType) csat: EstimateType;
  @Field(() => EstimateType) ces: EstimateType;
  @Field(() => EstimateType) responseRate: EstimateType;
  @Field(() => Int) responses: number;
  @Field(() => Int, { description: 'Surveys sent in the period.' }) sent: number;
  @Field(() => Int, { description: 'Answers a person needs before their score shows.' }) minPersonSample: number;
  @Field(() => [ScoreGroupType]) groups: ScoreGroupType[];
  @Field(() => [TrendPointType]) trend: TrendPointType[];
  @Field(() => [ScoreCountType]) distribution: ScoreCountType[];
}
