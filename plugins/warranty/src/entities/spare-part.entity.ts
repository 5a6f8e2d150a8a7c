import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A spare part in the catalogue. Stock only moves through an atomic guarded update
 * (`stock_quantity >= quantity`), and the check constraint is the last line of defence: never negative.
 */
@Entity({ name: 'warranty_spare_part' })
@Check('CHK_warranty_spare_part_stock', '"stock_quantity" >= 0')
@ObjectType('SparePart', { description: 'A spare part with its stock and unit cost.' })
export class SparePart {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id: string;

  @Column({ type: 'text', unique: true })
  @Field()
  sku: string;

  @Column({ type: 'text' })
  @Field()
  name: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  stockQuantity: number;

  @Column({ type: 'int', default: 0 })
  @Field(() => Int, { description: 'Reorder when stock is at or below this level (0: no reorder level).' })
  reorderLevel: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: 'Unit cost, minor units.' })
  costMinor: number;

  @Column({ type: 'char', length: 3 })
  @Field()
  currency: string;

  @Column({ type: 'uuid', array: true, default: '{}' })
  @Field(() => [ID], { description: 'Product models the part fits.' })
  modelIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  @Field()
  createdAt: Date;
}
