import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a delivery to one subscriber stands. */
export type EventDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * Delivery of one event to one subscriber. The row is marked delivered in the same transaction as
 * the subscriber's own writes, and is locked while the handler runs, so a delivered event is never
 * handled again by that subscriber.
 */
@Entity({ name: 'event_delivery' })
@Index('IDX_event_delivery_status', ['status', 'updatedAt'])
export class EventDelivery {
  @PrimaryColumn({ type: 'uuid' })
  eventId: string;

  /** `<plugin>.<name>` given to `ctx.subscribe`. */
  @PrimaryColumn({ type: 'text' })
  subscriber: string;

  @Column({ type: 'text', default: 'pending' })
  status: EventDeliveryStatus;

  /** Handler runs that ended (failed or succeeded). A run cut off by a crash is not counted. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
