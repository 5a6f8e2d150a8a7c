import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An integrator's endpoint that receives events by HTTP POST, signed with its secret. */
@Entity({ name: 'webhook_subscription' })
@ObjectType('WebhookSubscription', { description: 'An endpoint that receives events by signed HTTP POST.' })
export class WebhookSubscription {
  // Ids come from the application (randomUUID): no database extension needed.
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field({ description: 'http or https URL the events are posted to.' })
  url: string;

  @Column({ type: 'text', array: true })
  @Field(() => [String], { description: "Event types delivered, or '*' for all." })
  eventTypes: string[];

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  description: string | null;

  /**
   * The signing secret, encrypted with the server's secret key (`SecretBox`, AES-256-GCM); the
   * service opens it only to sign a delivery. Shown in clear to the caller once, at creation. Never
   * a GraphQL field.
   */
  @Column({ type: 'text' })
  secretSealed: string;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Inactive subscriptions receive nothing: disabled by hand or after too many failed attempts.' })
  active: boolean;

  @Column({ type: 'integer', default: 0 })
  @Field(() => Int, { description: 'Failed delivery attempts since the last success.' })
  consecutiveFailures: number;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was disabled automatically after consecutive failures.' })
  disabledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
