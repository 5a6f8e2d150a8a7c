import { Arg, Authorized, Ctx, Field, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { ValidationError } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { MAX_IMPORT_CSV_BYTES, type ImportReport } from './import.service.js';

export enum ImportKindEnum {
  CUSTOMERS = 'customers',
  PRODUCTS = 'products',
  PURCHASES = 'purchases',
}
registerEnumType(ImportKindEnum, { name: 'ImportKind', description: 'What a CSV file holds; the columns are in the core README.' });

@ObjectType({ description: 'A row that was not imported: its line in the file (the header is line 1) and what to fix.' })
class RejectedRowType {
  @Field(() => Int)
  line: number;

  @Field(() => [String])
  reasons: string[];
}

@ObjectType('ImportReport', { description: 'Accepted rows are committed; rejected rows are listed with reasons.' })
class ImportReportType {
  @Field(() => ImportKindEnum)
  kind: ImportKindEnum;

  @Field(() => Int)
  totalRows: number;

  @Field(() => Int)
  acceptedRows: number;

  @Field(() => Int)
  rejectedRows: number;

  @Field(() => [RejectedRowType])
  rejected: RejectedRowType[];
}

@Resolver()
export class ImportResolver {
  @Authorized('core.import.run')
  @Mutation(() => ImportReportType, {
    description: `Import customers, products/models or purchases from CSV (at most ${MAX_IMPORT_CSV_BYTES / 1024} KB; larger files: the CLI). Row by row: accepted rows are committed, rejected ones reported.`,
  })
  async importCsv(
    @Arg('kind', () => ImportKindEnum) kind: ImportKindEnum,
    @Arg('csv', { description: 'The file content, UTF-8, comma-separated, with a header row.' }) csv: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReport> {
    const bytes = Buffer.byteLength(csv, 'utf8');
    if (bytes > MAX_IMPORT_CSV_BYTES) {
      throw new ValidationError([
        {
          field: 'csv',
          message: `is ${Math.ceil(bytes / 1024)} KB; at most ${MAX_IMPORT_CSV_BYTES / 1024} KB through the API: split the file or use 'pnpm aftercare import'`,
        },
      ]);
    }
    return ctx.domain.imports.run(kind, csv);
  }
}
