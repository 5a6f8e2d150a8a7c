import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Every permission the platform has seen declared. A permission's `defaultRoles` are granted to the
 * built-in roles only when it first appears, so an administrator's later change to those roles sticks.
 */
@Entity({ name: 'known_permission' })
export class KnownPermission {
  @PrimaryColumn({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  owner: string;

  @CreateDateColumn({ type: 'timestamptz' })
  firstSeenAt: Date;
}
