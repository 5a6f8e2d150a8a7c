import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An address a delivery status notification reported as failed. Messages to it are not sent (they
 * would bounce again); the mark is cleared when mail arrives from the address.
 */
@Entity({ name: 'mail_bounce' })
export class MailBounceRecord {
  /** Lower-cased address. */
  @PrimaryColumn({ type: 'text' })
  address: string;

  @Column({ type: 'timestamptz' })
  bouncedAt: Date;

  @Column({ type: 'int', default: 1 })
  count: number;
}
