import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** One attempt to post one event to one webhook subscription. */
@Entity({ name: 'webhook_delivery' })
@Index('IDX_webhook_delivery_subscription', ['subscriptionId', 'createdAt'])
@ObjectType('WebhookDelivery', { description: 'One attempt to post an event to a webhook endpoint.' })
export class WebhookDelivery {
  // Ids come from the application (randomUUID): no database extension needed.
  @PrimaryColumn({ type: 'uuid' })
  @Field(() => ID)
  id: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription: Relation<WebhookSubscription>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  subscriptionId: string;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  eventId: string;

  @Column({ type: 'text' })
  @Field()
  eventType: string;

  /** Same on every attempt of one event to one subscription: the `x-aftercare-delivery` header. */
  @Column({ type: 'uuid' })
  @Field(() => ID, { description: 'The x-aftercare-delivery header: the same on every attempt of this event to this endpoint.' })
  deliveryId: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '1 for the first attempt, then 2, 3, … for retries.' })
  attempt: number;

  @Column({ type: 'boolean' })
  @Field({ description: 'The endpoint answered 2xx within the timeout.' })
  success: boolean;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'HTTP status of the answer; null when there was none (timeout, refused).' })
  statusCode: number | null;

  @Column({ type: 'integer' })
  @Field(() => Int)
  durationMs: number;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  error: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
