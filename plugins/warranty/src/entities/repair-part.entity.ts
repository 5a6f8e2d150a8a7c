import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Parts used on a repair order, with the unit cost at the time of use. */
@Entity({ name: 'warranty_repair_part' })
@Index('IDX_warranty_repair_part_order', ['repairOrderId'])
@ObjectType('RepairPartUsed', { description: 'A part used on a repair.' })
export class RepairPart {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  repairOrderId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  partId: string;

  @Column({ type: 'text' })
  @Field()
  sku: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  quantity: number;

  @Column({ type: 'int' })
  @Field(() => Int)
  unitCostMinor: number;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
