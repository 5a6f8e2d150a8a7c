import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { StaffUser } from '@aftercare/core';
import { Team } from './team.entity.js';

/** A staff user in a team. Absent members are skipped by auto-assignment; supervisors receive serious cases. */
@Entity({ name: 'service_desk_team_member' })
export class TeamMember {
  @PrimaryColumn({ type: 'uuid' })
  teamId: string;

  @PrimaryColumn({ type: 'uuid' })
  staffUserId: string;

  @ManyToOne(() => Team, (t) => t.members, { onDelete: 'CASCADE' })
  team: Relation<Team>;

  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  staffUser: Relation<StaffUser>;

  @Column({ type: 'boolean', default: false })
  supervisor: boolean;

  /** Away (holiday, sick): receives no new cases automatically. */
  @Column({ type: 'boolean', default: false })
  absent: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;
}
