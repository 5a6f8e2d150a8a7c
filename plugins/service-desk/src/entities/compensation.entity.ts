import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { CompensationStatus, CompensationType } from '../domain.js';
import { Case } from './case.entity.js';

/**
 * Compensation proposed on a claim: proposed by one person, approved or rejected by another.
 * `valueMinor` is the amount (refund, credit) or the estimated value (replacement, service, gesture)
 * in minor units of `currency`; the approval threshold is compared against it.
 */
@Entity({ name: 'service_desk_compensation' })
@Index('IDX_service_desk_compensation_case', ['caseId'])
export class Compensation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  type: CompensationType;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | null) => (v == null ? v : Number(v)) } })
  valueMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', default: 'proposed' })
  status: CompensationStatus;

  /** Idempotency key of the proposal: proposing again with it returns the first proposal. */
  @Column({ type: 'text', unique: true })
  idempotencyKey: string;

  @Column({ type: 'text' })
  proposedByKind: string;

  @Column({ type: 'uuid', nullable: true })
  proposedById: string | null;

  @Column({ type: 'text', nullable: true })
  proposedByDisplay: string | null;

  @Column({ type: 'text', nullable: true })
  decidedByKind: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ type: 'text', nullable: true })
  decidedByDisplay: string | null;

  @Column({ type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
