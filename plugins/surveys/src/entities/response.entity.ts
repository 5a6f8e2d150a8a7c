import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { type FollowUpStatus, SurveyFollowUpStatusEnum, type SurveyKind, SurveyKindEnum } from '../domain.js';

/**
 * A customer's answer to one invitation: the main score (kept through anonymisation), follow-up
 * answers and comment (removed by anonymisation), and the loop-closing follow-up status and owner.
 */
@Entity({ name: 'surveys_response' })
@Unique('UQ_surveys_response_invitation', ['invitationId'])
@Index('IDX_surveys_response_answered', ['answeredAt'])
@Index('IDX_surveys_response_customer', ['customerId'])
@Index('IDX_surveys_response_status', ['status'])
@ObjectType('SurveyResponse', { description: 'A survey answer with its follow-up status.' })
export class SurveyResponse {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_response' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  invitationId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  surveyId: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'The survey version answered.' })
  surveyVersion: number;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text' })
  @Field(() => SurveyKindEnum)
  kind: SurveyKind;

  @Column({ type: 'int' })
  @Field(() => Int)
  score: number;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The score is a detractor’s (thresholds in the settings).' })
  detractor: boolean;

  /** Follow-up answers by question key. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, string | string[] | number | null>;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'The customer’s verbatim comments (open-text answers).' })
  comment: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String])
  tags: string[];

  @Column({ type: 'text', default: 'new' })
  @Field(() => SurveyFollowUpStatusEnum, { description: 'Follow-up status: new, acknowledged, followed up, closed.' })
  status: FollowUpStatus;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  ownerId: string | null;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The complaint case the service desk opened for a detractor.' })
  caseId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  triggerEvent: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  context: Record<string, string>;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'The customer finished the follow-up page.' })
  completed: boolean;

  @Column({ type: 'timestamptz' })
  @Field()
  answeredAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;

  @VersionColumn()
  @Field(() => Int)
  version: number;
}
