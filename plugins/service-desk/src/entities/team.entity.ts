import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { AutoAssignMode } from '../domain.js';
import { TeamMember } from './team-member.entity.js';

/** A group of agents that handles cases; auto-assignment works per team. */
@Entity({ name: 'service_desk_team' })
export class Team {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text', default: 'manual' })
  autoAssign: AutoAssignMode;

  /** Round-robin cursor: the member who got the latest case. */
  @Column({ type: 'uuid', nullable: true })
  lastAssignedUserId: string | null;

  @OneToMany(() => TeamMember, (m) => m.team)
  members: Relation<TeamMember[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
