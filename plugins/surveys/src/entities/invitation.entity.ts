import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { InvitationStatus } from '../domain.js';

/**
 * One survey for one customer about one moment: scheduled, then sent (or skipped by a contact rule),
 * then answered. At most one per triggering request (`subjectId` is unique).
 */
@Entity({ name: 'surveys_invitation' })
@Unique('UQ_surveys_invitation_subject', ['subjectId'])
@Index('IDX_surveys_invitation_customer_sent', ['customerId', 'sentAt'])
@Index('IDX_surveys_invitation_status', ['status', 'sendAt'])
export class SurveyInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_surveys_invitation' })
  id: string;

  @Column({ type: 'uuid' })
  surveyId: string;

  @Column({ type: 'uuid', nullable: true })
  triggerId: string | null;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text', nullable: true })
  triggerEvent: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  /** The trigger event's context (agent, team, model, channel...), as strings. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  context: Record<string, string>;

  @Column({ type: 'text', default: 'scheduled' })
  status: InvitationStatus;

  /** Why it was not sent: no-consent, cooldown, sampling, inactive, no-customer. */
  @Column({ type: 'text', nullable: true })
  skipReason: string | null;

  @Column({ type: 'timestamptz' })
  sendAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'int', default: 0 })
  remindersSent: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastContactAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}

/** The key survey links are signed with (HMAC-SHA256), sealed with the server's secret key. */
@Entity({ name: 'surveys_signing_key' })
export class SurveySigningKey {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'PK_surveys_signing_key' })
  id: string;

  @Column({ type: 'text' })
  sealed: string;
}
