import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Case } from './case.entity.js';

/** A file attached to a case; the bytes live in the attachment storage under `storageKey`. */
@Entity({ name: 'service_desk_attachment' })
@Index('IDX_service_desk_attachment_case', ['caseId'])
export class CaseAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'text' })
  contentType: string;

  @Column({ type: 'int' })
  sizeBytes: number;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ type: 'text' })
  storageKey: string;

  /** Visible to the customer (false for files staff attach as internal evidence). */
  @Column({ type: 'boolean', default: true })
  public: boolean;

  @Column({ type: 'text' })
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
