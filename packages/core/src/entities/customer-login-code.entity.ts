import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Customer } from './customer.entity.js';

/** A one-time sign-in code sent to a customer: stored hashed, expires, allows a few attempts. */
@Entity({ name: 'customer_login_code' })
@Index('UQ_customer_login_code_link_hash', ['linkHash'], { unique: true, where: '"link_hash" IS NOT NULL' })
export class CustomerLoginCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @ManyToOne(() => Customer, { nullable: false, onDelete: 'CASCADE' })
  customer: Relation<Customer>;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  codeHash: string;

  /** SHA-256 of the one-time sign-in link's token sent in the same message (null for older codes). */
  @Column({ type: 'text', nullable: true })
  linkHash: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt: Date | null;
}
