import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A published domain event. Written in the transaction of the change it describes, so it exists
 * exactly when the change committed; delivery to subscribers happens afterwards from this table.
 */
@Entity({ name: 'event_outbox' })
@Index('IDX_event_outbox_undispatched', ['occurredAt'], { where: 'dispatched_at IS NULL' })
export class EventOutbox {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  /** The id of the object the event is about (a case, a claim), for lookups by object. */
  @Index('IDX_event_outbox_aggregate')
  @Column({ type: 'text', nullable: true })
  aggregateId: string | null;

  /** The API request that caused it, to correlate with logs. */
  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** When the event was fanned out to its subscribers (one delivery row each). */
  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
