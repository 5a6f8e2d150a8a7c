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
import { BusinessCalendarRecord } from './business-calendar.entity.js';

/** Which requests a policy applies to. An empty or missing list matches everything. */
export interface SlaPolicyConditions {
  kinds?: string[];
  severities?: string[];
  channels?: string[];
  productIds?: string[];
  customerTiers?: string[];
}

/**
 * Response and resolution targets in business minutes for a kind of request. Policies are tried
 * in ascending `priority`; the first whose conditions match applies; the default policy catches the rest.
 */
@Entity({ name: 'sla_policy' })
@Index('UQ_sla_policy_single_default', ['isDefault'], { unique: true, where: '"is_default"' })
export class SlaPolicyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'int', default: 100 })
  priority: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  conditions: SlaPolicyConditions;

  @Column({ type: 'int', nullable: true })
  firstResponseMinutes: number | null;

  @Column({ type: 'int', nullable: true })
  nextResponseMinutes: number | null;

  @Column({ type: 'int', nullable: true })
  resolutionMinutes: number | null;

  /** Warn this many business minutes before a due date; null means a fifth of the budget. */
  @Column({ type: 'int', nullable: true })
  warningLeadMinutes: number | null;

  @ManyToOne(() => BusinessCalendarRecord, { nullable: false, onDelete: 'RESTRICT' })
  calendar: Relation<BusinessCalendarRecord>;

  @Column({ type: 'uuid' })
  calendarId: string;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
