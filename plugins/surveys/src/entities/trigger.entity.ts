import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A condition on the trigger event's context: the field's value is (or is not) one of `values`. */
export interface TriggerCondition {
  field: string;
  negate: boolean;
  values: string[];
}

@ObjectType('SurveyTriggerCondition', { description: 'The context field’s value must be one of values (or none of them when negate).' })
export class SurveyTriggerConditionType {
  @Field() field: string;
  @Field() negate: boolean;
  @Field(() => [String]) values: string[];
}

/**
 * Sends a survey after a declared trigger event (`defineEvent(..., { trigger })`): after a delay, to a
 * sample of the moments, when the event's context matches the conditions.
 */
@Entity({ name: 'surveys_trigger' })
@Index('IDX_surveys_trigger_event', ['eventType'])
@ObjectType('SurveyTrigger', {
  description: 'When a survey is sent: on which event, after what delay, to which share, under which conditions.',
})
export class SurveyTrigger {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_trigger' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  surveyId: string;

  @Column({ type: 'text' })
  @Field({ description: 'The trigger event type, e.g. service-desk.case.resolved.' })
  eventType: string;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Minutes between the event and the send (before quiet hours are applied).' })
  delayMinutes: number;

  @Column({ type: 'int', default: 100 })
  @Field(() => Int, { description: 'Share of the events that get a survey, 0 to 100 %.' })
  samplingPercent: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  @Field(() => [SurveyTriggerConditionType])
  conditions: TriggerCondition[];

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
