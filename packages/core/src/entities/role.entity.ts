import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A named set of permissions given to staff users and API keys. Built-in roles (Administrator,
 * Supervisor, Agent, Technician, Analyst) are created at boot and cannot be deleted; the
 * Administrator role always holds every enabled permission, whatever its stored list says.
 */
@Entity({ name: 'role' })
@ObjectType({ description: 'A named set of permissions given to staff users and API keys.' })
export class Role {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', unique: true })
  @Field()
  name: string;

  @Column({ type: 'text', default: '' })
  @Field()
  description: string;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Built-in roles come with the platform and cannot be deleted or renamed.' })
  builtIn: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Permission names, e.g. "core.audit.read".' })
  permissions: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field()
  updatedAt: Date;
}
