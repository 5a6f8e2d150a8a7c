import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import {
  type CoverageType,
  CoverageTypeEnum,
  type LegalBasis,
  LegalBasisEnum,
  type StartBasis,
  StartBasisEnum,
  type UsDesignation,
  UsDesignationEnum,
} from '../domain.js';

/**
 * Coverage terms for a model (or, when `modelId` is null, a whole product category). A model's
 * policy wins over its category's; with neither, the model's default `warrantyMonths` applies.
 */
@Entity({ name: 'warranty_policy' })
@Index('IDX_warranty_policy_model', ['modelId'])
@Index('IDX_warranty_policy_category', ['category'])
@ObjectType('WarrantyPolicy', { description: 'Coverage terms of a model or product category.' })
export class WarrantyPolicy {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The model it applies to; null for a category policy.' })
  modelId: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Product category it applies to when no model is given.' })
  category: string | null;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Duration in months.' })
  months: number;

  @Column({ type: 'text' })
  @Field(() => StartBasisEnum)
  startFrom: StartBasis;

  @Column({ type: 'text', array: true })
  @Field(() => [CoverageTypeEnum])
  coverageTypes: CoverageType[];

  @Column({ type: 'text', array: true, default: '{}' })
  @Field(() => [String], { description: 'Damage types not covered, e.g. accidental_damage.' })
  exclusions: string[];

  @Column({ type: 'text' })
  @Field(() => LegalBasisEnum)
  legalBasis: LegalBasis;

  @Column({ type: 'text', nullable: true })
  @Field(() => UsDesignationEnum, { nullable: true, description: 'US Magnuson-Moss title of the written warranty.' })
  usDesignation: UsDesignation | null;

  @Column({ type: 'boolean', default: false })
  @Field({ description: 'Coverage passes to a new owner.' })
  transferable: boolean;

  @Column({ type: 'boolean', default: true })
  @Field()
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
