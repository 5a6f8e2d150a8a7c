import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** One node of the reason tree, e.g. "damaged → in transit"; marked when it points to a defect. */
@Entity({ name: 'returns_reason' })
@Unique('UQ_returns_reason_code', ['code'])
@Index('IDX_returns_reason_parent', ['parentId'])
@ObjectType('ReturnReason', { description: 'A return reason; reasons form a tree.' })
export class ReturnReason {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_reason' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'Stable code, e.g. damaged_in_transit.' })
  code: string;

  @Column({ type: 'text' })
  @Field()
  label: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Points to a defect: the line is a non-conformity (legal guarantee).' })
  nonConformity: boolean;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int)
  position: number;
}
