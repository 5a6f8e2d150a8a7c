import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { WarrantyRegistration } from './warranty-registration.entity.js';

/** A proof of purchase (receipt, invoice photo) the customer uploaded when registering an item bought elsewhere. */
@ObjectType('WarrantyProofDocument', { description: 'A proof of purchase uploaded with a registration.' })
@Entity({ name: 'warranty_proof_document' })
export class WarrantyProofDocument {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @ManyToOne(() => WarrantyRegistration, { nullable: false, onDelete: 'CASCADE' })
  registration: Relation<WarrantyRegistration>;

  @Index('IDX_warranty_proof_document_registration')
  @Column({ type: 'uuid' })
  @Field(() => ID)
  registrationId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  @Field()
  fileName: string;

  @Column({ type: 'text' })
  @Field()
  contentType: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  sizeBytes: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
