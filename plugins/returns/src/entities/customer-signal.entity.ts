import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * Other after-sales requests of a customer (warranty claims, compensations), learnt from other
 * plugins' events, so abuse signals see the customer's whole history without reading their tables.
 */
@Entity({ name: 'returns_customer_signal' })
@Unique('UQ_returns_customer_signal_subject', ['kind', 'subjectId'])
@Index('IDX_returns_customer_signal_customer', ['customerId'])
export class ReturnsCustomerSignal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_returns_customer_signal' })
  id: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subjectId: string;

  @Column({ type: 'timestamptz' })
  at: Date;
}
