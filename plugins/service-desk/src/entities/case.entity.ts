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
import { Customer, Purchase, StaffUser } from '@aftercare/core';
import type { CaseChannel, CaseKind, CaseOutcome, CaseSeverity, CaseStatus } from '../domain.js';
import { Team } from './team.entity.js';

/**
 * A customer request handled by the service desk. `status` changes only through the transition table
 * (services/case-state-machine.ts) under a row lock; the SLA mirror columns (`slaDueAt`, `slaWarnAt`,
 * `slaBreached`) are copied from the core SLA clock after every change so the inbox can sort and filter.
 */
@Entity({ name: 'service_desk_case' })
@Index('IDX_service_desk_case_customer', ['customerId', 'createdAt'])
@Index('IDX_service_desk_case_status', ['status'])
@Index('IDX_service_desk_case_assignee', ['assigneeId', 'status'])
@Index('IDX_service_desk_case_due', ['slaDueAt'])
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Human reference shown as SD-<number>. */
  @Column({ type: 'int', generated: 'increment', unique: true })
  number: number;

  @Column({ type: 'text' })
  kind: CaseKind;

  @Column({ type: 'text' })
  channel: CaseChannel;

  @Column({ type: 'text' })
  severity: CaseSeverity;

  @Column({ type: 'text', default: 'new' })
  status: CaseStatus;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  description: string;

  @ManyToOne(() => Customer, { nullable: false, onDelete: 'RESTRICT' })
  customer: Relation<Customer>;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => Purchase, { nullable: true, onDelete: 'RESTRICT' })
  purchase: Relation<Purchase> | null;

  /** The purchase the case is about, when known (one of the customer's). */
  @Column({ type: 'uuid', nullable: true })
  purchaseId: string | null;

  @ManyToOne(() => Team, { nullable: true, onDelete: 'SET NULL' })
  team: Relation<Team> | null;

  @Column({ type: 'uuid', nullable: true })
  teamId: string | null;

  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  assignee: Relation<StaffUser> | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  /** Category from the configured list; required at resolution. */
  @Column({ type: 'text', nullable: true })
  category: string | null;

  /** Root-cause code from the configured list; required at resolution. */
  @Column({ type: 'text', nullable: true })
  rootCause: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: CaseOutcome | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote: string | null;

  @ManyToOne(() => Case, { nullable: true, onDelete: 'SET NULL' })
  mergedInto: Relation<Case> | null;

  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  /** Public staff replies so far (first contact resolution needs exactly one). */
  @Column({ type: 'int', default: 0 })
  staffReplyCount: number;

  @Column({ type: 'int', default: 0 })
  reopenCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  /** First time the case was resolved. */
  @Column({ type: 'timestamptz', nullable: true })
  firstResolvedAt: Date | null;

  /** Latest resolution (null while open). */
  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** Business minutes from creation to the latest resolution, pauses excluded. */
  @Column({ type: 'int', nullable: true })
  resolutionBusinessMinutes: number | null;

  /** Earliest due date of the running SLA targets (mirror of the core clock). */
  @Column({ type: 'timestamptz', nullable: true })
  slaDueAt: Date | null;

  /** When the earliest running target becomes at risk (mirror of the core clock). */
  @Column({ type: 'timestamptz', nullable: true })
  slaWarnAt: Date | null;

  /** A target was breached at some point. */
  @Column({ type: 'boolean', default: false })
  slaBreached: boolean;

  /** When the breach escalation ran (supervisor notified). */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** Who opened the case: `staff:<id>`, `customer:<id>`, `apiKey:<id>`. */
  @Column({ type: 'text' })
  createdBy: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
