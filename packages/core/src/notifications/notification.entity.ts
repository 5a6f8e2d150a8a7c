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
@Index('IDX_notification_message_id', ['messageId'])
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

  /** Sender (From) of this message; null: the server's `mailFrom`. */
  @Column({ type: 'text', nullable: true })
  fromAddress: string | null;

  /** Message-ID header, `<id@domain>`; replies name it in In-Reply-To/References. */
  @Column({ type: 'text', nullable: true })
  messageId: string | null;

  /** Message-ID of the message this one answers (In-Reply-To). */
  @Column({ type: 'text', nullable: true })
  inReplyTo: string | null;

  /** Message-IDs of the conversation so far (References), oldest first. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  references: string[];

  /** Sent by the system on its own (acknowledgement, status notice): carries `Auto-Submitted: auto-replied`. */
  @Column({ type: 'boolean', default: false })
  autoSubmitted: boolean;

  /**
   * What the conversation is about, set by the sender (e.g. `service-desk.case:<id>`); an inbound reply
   * naming this message's Message-ID is handed to its mail handler with this thread.
   */
  @Column({ type: 'text', nullable: true })
  threadRef: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
