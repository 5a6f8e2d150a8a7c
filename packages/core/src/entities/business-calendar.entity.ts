import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Holiday, IsoWeekday, WorkingWindow } from '../sla/business-calendar.js';

/** A business calendar as stored: time zone, working windows per ISO weekday, holidays. */
@Entity({ name: 'business_calendar' })
export class BusinessCalendarRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text' })
  timeZone: string;

  /** `{ "1": [{ "start": "09:00", "end": "17:00" }], … }` keyed by ISO weekday. */
  @Column({ type: 'jsonb' })
  week: Partial<Record<IsoWeekday, WorkingWindow[]>>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  holidays: Holiday[];

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
