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
import type { SlaEventType, SlaStatus, SlaTargetKind } from '../sla/sla-clock.js';
import { SlaPolicyRecord } from './sla-policy.entity.js';

/** Per target, the due date (ISO) for which the warning and the breach were published. */
export type SlaAlerts = Partial<Record<SlaTargetKind, { warned?: string; breached?: string }>>;

/** One entry of a clock's history, as stored (ISO time). */
export interface StoredSlaEvent {
  type: SlaEventType;
  at: string;
}

/**
 * The SLA clock of one request (a case, a warranty claim…): its history and the derived due dates.
 * The history is the truth; the due-date columns are recomputed from it on every change and when
 * the policy or calendar changes, and exist so lists can sort and filter by them.
 */
@Entity({ name: 'sla_clock' })
@Index('UQ_sla_clock_subject', ['subjectType', 'subjectId'], { unique: true })
@Index('IDX_sla_clock_open_due', ['nextDueAt'], { where: '"closed" = false' })
export class SlaClockRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Owner of the request: 'core' or a plugin name. */
  @Column({ type: 'text' })
  owner: string;

  /** e.g. 'service-desk.case'. */
  @Column({ type: 'text' })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The attributes the policy was chosen by (kind, severity, channel, productId, customerTier). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes: Record<string, string | null>;

  @ManyToOne(() => SlaPolicyRecord, { nullable: false, onDelete: 'RESTRICT' })
  policy: Relation<SlaPolicyRecord>;

  @Column({ type: 'uuid' })
  policyId: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  events: StoredSlaEvent[];

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseDueAt: Date | null;

  @Column({ type: 'text', default: 'not_applicable' })
  firstResponseStatus: SlaStatus;

  @Column({ type: 'timestamptz', nullable: true })
  nextResponseDueAt: Date | null;

  @Column({ type: 'text', default: 'not_applicable' })
  nextResponseStatus: SlaStatus;

  @Column({ type: 'timestamptz', nullable: true })
  resolutionDueAt: Date | null;

  @Column({ type: 'text', default: 'not_applicable' })
  resolutionStatus: SlaStatus;

  /** The earliest due date among running targets: what a work queue sorts by. */
  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt: Date | null;

  @Column({ type: 'boolean', default: false })
  paused: boolean;

  /**
   * Alerts already published, per target: the due date (ISO) each warning and breach was sent for,
   * so a re-run job or a second process never alerts twice for the same deadline.
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  alerts: SlaAlerts;

  /** Resolved (until reopened): no running targets. */
  @Column({ type: 'boolean', default: false })
  closed: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
