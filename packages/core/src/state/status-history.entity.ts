import { Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One state change of any object of any plugin (core's single status-history table): which object
 * (`subjectType`, `subjectId`), from which state to which, who moved it, why and when. Written by
 * the transition recipe in the transaction of the change; read as the object's history.
 */
@Entity({ name: 'status_history' })
@Index(['subjectType', 'subjectId', 'at'])
export class StatusHistoryRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `<plugin>.<object>`, e.g. `service-desk.case`. */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** Null for the first row (the object was created in `toStatus`). */
  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  /** staff, customer, apiKey or system. */
  @Column({ type: 'text' })
  actorKind: string;

  /** The staff user, customer or API key id; null for the system. */
  @Column({ type: 'text', nullable: true })
  actorId: string | null;

  /** Why, when the mover said (a reopen reason, a rejection reason). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** Orders rows written in one transaction (same `at`) in the order they were written. */
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;
}
