import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A customer, minimal for sign-in: the full customer domain (contacts, consents, history) builds on
 * this table. Email is stored lower-cased, so it is unique regardless of case.
 */
@Entity({ name: 'customer' })
@ObjectType({ description: 'A person or company that bought something.' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'text', unique: true })
  @Field()
  email: string;

  @Column({ type: 'text', default: 'en' })
  @Field({ description: 'BCP 47 language tag for messages to this customer, e.g. "de-AT".' })
  locale: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
