import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Customer } from './customer.entity.js';

/**
 * A customer's request to erase their personal data, made in the portal. Staff review it and
 * carry it out with `anonymizeCustomer` (which completes every pending request) or decline it.
 */
@ObjectType('ErasureRequest', { description: "A customer's request to erase their personal data." })
@Entity({ name: 'customer_erasure_request' })
@Index('UQ_customer_erasure_request_pending', ['customerId'], { unique: true, where: `"status" = 'pending'` })
export class CustomerErasureRequest {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Index('IDX_customer_erasure_request_customer')
  @ManyToOne(() => Customer, { nullable: false, onDelete: 'CASCADE' })
  customer: Relation<Customer>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  customerId: string;

  @Column({ type: 'text', default: 'pending' })
  @Field({ description: 'pending, completed (the data was anonymised) or declined.' })
  status: 'pending' | 'completed' | 'declined';

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: "The customer's words, if any." })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field()
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  handledAt: Date | null;

  @Column({ type: 'text', nullable: true })
  handledBy: string | null;
}
