import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One entry of a staff user's in-app notification centre. */
@Entity({ name: 'staff_notification' })
@Index('IDX_staff_notification_recipient', ['staffUserId', 'createdAt'])
@ObjectType('StaffNotification', { description: "An entry of the signed-in staff user's notification centre." })
export class StaffNotificationRecord {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'uuid' })
  staffUserId: string;

  /** `<plugin>.<name>`, e.g. `service-desk.case-assigned`. */
  @Column({ type: 'text' })
  @Field({ description: 'Kind, e.g. service-desk.case-assigned (see notificationKinds).' })
  kind: string;

  @Column({ type: 'text' })
  @Field()
  title: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  body: string | null;

  /** Console path of the object, e.g. `/service-desk/cases/<id>`. */
  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Console path of the object it is about.' })
  link: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}

/** A staff user's choice to also get a kind of notification by e-mail (or not). */
@Entity({ name: 'staff_notification_preference' })
export class StaffNotificationPreferenceRecord {
  @PrimaryColumn({ type: 'uuid' })
  staffUserId: string;

  @PrimaryColumn({ type: 'text' })
  kind: string;

  @Column({ type: 'boolean' })
  email: boolean;
}
