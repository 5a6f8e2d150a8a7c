import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, VersionColumn } from 'typeorm';
import { type ReturnsItemStatus, ReturnsItemStatusEnum } from '../domain.js';

/**
 * An item of the plugin. Its `status` changes only through the state machine (domain.ts), which
 * bumps `version` with every change; times come from the server's clock.
 */
@Entity({ name: 'returns_item' })
@Index('IDX_returns_item_status', ['status'])
@Index('IDX_returns_item_customer', ['customerId'])
@Unique('UQ_returns_item_number', ['number'])
@ObjectType('ReturnsItem', { description: 'A Returns item with its state.' })
export class ReturnsItem {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_item' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'int', generated: 'increment' })
  number: number;

  @Column({ type: 'text' })
  @Field({ description: 'Shown to people, e.g. RET-12 (prefix from the settings).' })
  reference: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The customer the item is about, if any.' })
  customerId: string | null;

  @Column({ type: 'text', default: 'open' })
  @Field(() => ReturnsItemStatusEnum)
  status: ReturnsItemStatus;

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
