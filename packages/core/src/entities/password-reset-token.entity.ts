import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { StaffUser } from './staff-user.entity.js';

/** A single-use, expiring password-reset token of a staff user; only its SHA-256 is stored. */
@Entity({ name: 'password_reset_token' })
export class PasswordResetToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  tokenHash: string;

  @Index()
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'CASCADE' })
  staffUser: Relation<StaffUser>;

  @Column({ type: 'uuid' })
  staffUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
