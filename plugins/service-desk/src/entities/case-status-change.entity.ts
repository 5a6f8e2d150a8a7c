import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { CaseStatus } from '../domain.js';
import { Case } from './case.entity.js';

/** History of a case's states: drives first contact resolution (reopened within 7 days) and the timeline. */
@Entity({ name: 'service_desk_status_change' })
@Index('IDX_service_desk_status_change_case', ['caseId', 'at'])
export class CaseStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text', nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ type: 'text' })
  toStatus: CaseStatus;

  @Column({ type: 'text' })
  actor: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
