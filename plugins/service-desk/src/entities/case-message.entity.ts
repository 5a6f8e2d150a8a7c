import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { MessageKind } from '../domain.js';
import { Case } from './case.entity.js';

/** One entry of a case's conversation: a public reply, an internal note or a customer message. */
@Entity({ name: 'service_desk_message' })
@Index('IDX_service_desk_message_case', ['caseId', 'createdAt'])
export class CaseMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  kind: MessageKind;

  @Column({ type: 'text' })
  body: string;

  /** `staff`, `customer`, `apiKey` or `system`. */
  @Column({ type: 'text' })
  authorKind: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'text', nullable: true })
  authorDisplay: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
