import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the append-only audit trail: who did what to which object, when and from where,
 * with before/after values of the changed fields (personal values masked). The database rejects
 * UPDATE and DELETE on this table except through the retention purge.
 */
@Entity({ name: 'audit_event' })
@Index(['objectType', 'objectId'])
@ObjectType({ description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field()
  occurredAt: Date;

  /** 'staff', 'apiKey', 'customer', 'system' or 'anonymous'. */
  @Column({ type: 'text' })
  @Field({ description: 'staff, apiKey, customer, system or anonymous.' })
  actorKind: string;

  @Index()
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  actorId: string | null;

  /** How the actor was shown at the time (an e-mail, a key name); GraphQL shows it under core's rule for customers. */
  @Column({ type: 'text', nullable: true })
  actorDisplay: string | null;

  @Index()
  @Column({ type: 'text' })
  @Field({ description: 'What happened, `<object>.<verb>`, e.g. "staffUser.deactivate".' })
  action: string;

  @Column({ type: 'text' })
  @Field()
  objectType: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  objectId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Changed fields: { field: { before, after } }; personal values masked.' })
  changes: Record<string, { before: unknown; after: unknown }> | null;

  @Column({ type: 'jsonb', nullable: true })
  @Field(() => GraphQLJSONObject, { nullable: true })
  metadata: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  ip: string | null;
}
