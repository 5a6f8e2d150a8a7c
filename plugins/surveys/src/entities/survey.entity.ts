import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import type { SurveyContent } from '../content.js';
import { type SurveyKind, SurveyKindEnum } from '../domain.js';

/**
 * A survey definition: its main question's kind and the content of its current version. Editing a
 * survey that already has answers creates a new version (see {@link SurveyVersion}); each answer keeps
 * the version it answered.
 */
@Entity({ name: 'surveys_survey' })
@Unique('UQ_surveys_survey_name', ['name'])
@ObjectType('Survey', { description: 'A CSAT, NPS or CES survey with follow-up questions, branching and translations.' })
export class Survey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_survey' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'Name staff recognise, e.g. "After case resolution".' })
  name: string;

  @Column({ type: 'text' })
  @Field(() => SurveyKindEnum)
  kind: SurveyKind;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Inactive surveys are not sent.' })
  active: boolean;

  @Column({ type: 'int', default: 1 })
  @Field(() => Int, { description: 'The current content version; answers keep the version they answered.' })
  currentVersion: number;

  /** The current version's content (also stored in its version row). */
  @Column({ type: 'jsonb' })
  content: SurveyContent;

  @VersionColumn()
  @Field(() => Int, { description: 'Grows with every change; pass it back as expectedVersion to refuse stale edits.' })
  version: number;

  @Column({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}

/** One version of a survey's content, frozen once answered. */
@Entity({ name: 'surveys_survey_version' })
@Unique('UQ_surveys_survey_version', ['surveyId', 'version'])
export class SurveyVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_survey_version' })
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'jsonb' })
  content: SurveyContent;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
