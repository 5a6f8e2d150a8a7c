import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, JoinTable, ManyToMany, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Role } from './role.entity.js';
import { StaffUser } from './staff-user.entity.js';

/**
 * A key an integration uses instead of a person's session. The secret is shown once at creation;
 * only its SHA-256 is stored. A key never carries more than its creator currently holds.
 */
@Entity({ name: 'api_key' })
@ObjectType({ description: 'A key for an integration, tied to roles. The secret is shown only once, at creation.' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  /** Public part of the secret (`ak_<prefix>_…`), used to find the key without scanning. */
  @Column({ type: 'text', unique: true })
  @Field({ description: 'The public start of the secret, to recognise the key in logs and configuration.' })
  prefix: string;

  @Column({ type: 'text' })
  secretHash: string;

  @ManyToMany(() => Role)
  @JoinTable({ name: 'api_key_role', joinColumn: { name: 'api_key_id' }, inverseJoinColumn: { name: 'role_id' } })
  @Field(() => [Role])
  roles: Relation<Role[]>;

  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'RESTRICT' })
  createdBy: Relation<StaffUser>;

  @Column({ type: 'uuid' })
  @Field(() => ID)
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Last request made with this key (updated at most once a minute).' })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}
