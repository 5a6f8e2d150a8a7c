import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An on-site visit booked in a time slot for a technician. */
@Entity({ name: 'warranty_repair_visit' })
@Index('IDX_warranty_repair_visit_technician', ['technicianId', 'startsAt'])
@Index('IDX_warranty_repair_visit_order', ['repairOrderId'])
@Index('IDX_warranty_repair_visit_starts', ['startsAt'])
@ObjectType('RepairVisit', { description: 'An on-site visit in a time slot.' })
export class RepairVisit {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  repairOrderId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  technicianId: string;

  @Column({ type: 'timestamptz' })
  @Field()
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field()
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
