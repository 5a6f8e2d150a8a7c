import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, PrimaryGeneratedColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { Role } from './role.entity.js';

/** A person who works in the admin console. Email is stored lower-cased, so it is unique regardless of case. */
@Entity({ name: 'staff_user' })
@ObjectType({ description: 'A person who works in the admin console.' })
export class StaffUser {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', unique: true })
  @Field()
  email: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  /** argon2id hash; never leaves the server. */
  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  @Field({ description: 'Deactivated users cannot sign in; deactivation ends their sessions.' })
  active: boolean;

  /**
   * A new email waiting for confirmation: it takes effect (for sign-in and password resets) only
   * once the token sent to it is confirmed with `confirmStaffEmail`.
   */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'New email waiting for confirmation by its owner; sign-in still uses `email`.' })
  pendingEmail: string | null;

  /** SHA-256 of the confirmation token sent to `pendingEmail`. */
  @Column({ type: 'text', nullable: true })
  pendingEmailTokenHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pendingEmailExpiresAt: Date | null;

  @ManyToMany(() => Role)
  @JoinTable({ name: 'staff_user_role', joinColumn: { name: 'staff_user_id' }, inverseJoinColumn: { name: 'role_id' } })
  @Field(() => [Role])
  roles: Relation<Role[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
