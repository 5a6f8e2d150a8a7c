import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Customer } from './customer.entity.js';
import { StaffUser } from './staff-user.entity.js';

/** A signed-in session of a staff user or a customer. Only the SHA-256 of the token is stored. */
@Entity({ name: 'auth_session' })
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  /** 'staff' or 'customer'. */
  @Column({ type: 'text' })
  kind: 'staff' | 'customer';

  @Index()
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'CASCADE' })
  staffUser: Relation<StaffUser> | null;

  @Column({ type: 'uuid', nullable: true })
  staffUserId: string | null;

  @Index()
  @ManyToOne(() => Customer, { nullable: true, onDelete: 'CASCADE' })
  customer: Relation<Customer> | null;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;
}
