import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { type SurveysItemStatus, SurveysItemStatusEnum } from '../domain.js';

/**
 * An item of the plugin. Its `status` changes only through the state machine (domain.ts), which
 * bumps `version` with every change; times come from the server's clock.
 */
@Entity({ name: 'surveys_item' })
@Index('IDX_surveys_item_status', ['status'])
@Index('IDX_surveys_item_customer', ['customerId'])
@Unique('UQ_surveys_item_number', ['number'])
@ObjectType('SurveysItem', { description: 'A Surveys item with its state.' })
export class SurveysItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_item' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment' })
  number: number;

  @Column({ type: 'text' })
  @Field({ description: 'Shown to people, e.g. SUR-12 (prefix from the settings).' })
  reference: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The customer the item is about, if any.' })
  customerId: string | null;

  @Column({ type: 'text', default: 'open' })
  @Field(() => SurveysItemStatusEnum)
  status: SurveysItemStatus;

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
