import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The first use of an idempotency key: what it was asked with and what it produced. */
@Entity({ name: 'idempotency_record' })
export class IdempotencyRecord {
  /** The operation, e.g. `service-desk.compensation.propose`. */
  @PrimaryColumn({ type: 'text' })
  scope: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  /** SHA-256 of the parameters of the first use. */
  @Column({ type: 'text' })
  paramsHash: string;

  /** Id of the object the first use created. */
  @Column({ type: 'text' })
  resultId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
