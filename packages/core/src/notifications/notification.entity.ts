import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where a message is in the outbox. */
export type NotificationStatus = 'queued' | 'sent' | 'failed';

/**
 * One outgoing message in the notification outbox: queued in the transaction of the change that
 * caused it, sent by a job after commit, retried, and kept as the log of what was sent to whom.
 */
@Entity({ name: 'notification' })
@Index('IDX_notification_status_created', ['status', 'createdAt'])
@Index('IDX_notification_recipient', ['recipient'])
export class NotificationRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 'core' or the plugin that sent it. */
  @Column({ type: 'text' })
  owner: string;

  /** Template name (`<owner>.<name>`), or null for a message written out in full. */
  @Column({ type: 'text', nullable: true })
  template: string | null;

  /** Recipient e-mail address. */
  @Column({ type: 'text' })
  recipient: string;

  /** Locale the template was rendered in. */
  @Column({ type: 'text', nullable: true })
  locale: string | null;

  @Column({ type: 'text' })
  subject: string;

  /** Body; null once a sensitive message (sign-in code, reset link) has been sent. */
  @Column({ type: 'text', nullable: true })
  body: string | null;

  /** Holds a secret: the body is erased after sending and never logged. */
  @Column({ type: 'boolean', default: false })
  sensitive: boolean;

  @Column({ type: 'text', default: 'queued' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
