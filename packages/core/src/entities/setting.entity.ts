import { Column, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** Stored settings of core or one plugin, validated against the owner's settings schema on every read and write. */
@Entity({ name: 'setting' })
export class Setting {
  /** 'core' or a plugin name. */
  @PrimaryColumn({ type: 'text' })
  owner: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  value: Record<string, unknown>;

  @VersionColumn({ default: 1 })
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
