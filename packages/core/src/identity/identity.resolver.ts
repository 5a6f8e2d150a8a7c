import { ArrayMaxSize, IsEmail, IsOptional, IsUUID, Length, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { CUSTOMER, Public, STAFF } from '../access/policy.js';
import { ApiKey } from '../entities/api-key.entity.js';
import { Customer } from '../entities/customer.entity.js';
import { Role } from '../entities/role.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import { SESSION_COOKIE } from './identity.service.js';

const PASSWORD_RULE = 'must be at least 12 characters';

// ------------------------------------------------------------------ arguments and inputs

@ArgsType()
class LoginArgs {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @Length(1, 1024)
  password: string;
}

@ArgsType()
class EmailArgs {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;
}

@ArgsType()
class ResetPasswordArgs {
  @Field()
  @Length(20, 200)
  token: string;

  @Field()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(1024)
  newPassword: string;
}

@ArgsType()
class TokenArgs {
  @Field()
  @Length(20, 200)
  token: string;
}

@ArgsType()
class ChangePasswordArgs {
  @Field()
  @Length(1, 1024)
  currentPassword: string;

  @Field()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(1024)
  newPassword: string;
}

@ArgsType()
class VerifyCustomerCodeArgs {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @Matches(/^\d{6}$/, { message: 'must be the 6 digits from the message' })
  code: string;
}

@ArgsType()
class VerifyCustomerLinkArgs {
  @Field({ description: 'The `link` parameter of the sign-in link in the message.' })
  @Length(20, 200, { message: 'is not a sign-in link: copy the whole link from the message' })
  token: string;
}

@ArgsType()
class PageArgs {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  skip: number;

  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  @Min(1)
  @Max(100)
  take: number;
}

@InputType()
class CreateStaffUserInput {
  @Field()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email: string;

  @Field()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Leave out to send the person a link to choose their own.' })
  @IsOptional()
  @MinLength(12, { message: PASSWORD_RULE })
  @MaxLength(1024)
  password?: string | null;

  @Field(() => [ID])
  @IsUUID('all', { each: true, message: 'must be role ids' })
  @ArrayMaxSize(50)
  roleIds: string[];
}

@InputType()
class UpdateStaffUserInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsUUID('all', { each: true, message: 'must be role ids' })
  @ArrayMaxSize(50)
  roleIds?: string[] | null;
}

const PERMISSION_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

@InputType()
class CreateRoleInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String])
  @Matches(PERMISSION_NAME, { each: true, message: 'must be permission names like core.audit.read' })
  @ArrayMaxSize(500)
  permissions: string[];
}

@InputType()
class UpdateRoleInput {
  @Field(() => ID)
  @IsUUID('all')
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  description?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @Matches(PERMISSION_NAME, { each: true, message: 'must be permission names like core.audit.read' })
  @ArrayMaxSize(500)
  permissions?: string[] | null;
}

@InputType()
class CreateApiKeyInput {
  @Field()
  @Length(1, 100)
  name: string;

  @Field(() => [ID])
  @IsUUID('all', { each: true, message: 'must be role ids' })
  @ArrayMaxSize(50)
  roleIds: string[];
}

// ------------------------------------------------------------------ results

@ObjectType({ description: 'A new staff session. The token is also set as the httpOnly session cookie.' })
class LoginResult {
  @Field({ description: 'Send as `Authorization: Bearer <token>` (integrations, tests); browsers use the cookie.' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUser)
  user: StaffUser;
}

@ObjectType({ description: 'A new customer session.' })
class CustomerSession {
  @Field()
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => Customer)
  customer: Customer;
}

@ObjectType({ description: 'A new API key with its secret, which is shown only this once.' })
class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'Send as header `x-api-key`. Store it now: it cannot be shown again.' })
  secret: string;
}

@ObjectType({ description: 'Who is signed in.' })
class Viewer {
  @Field({ description: 'staff, customer or apiKey.' })
  kind: string;

  @Field(() => StaffUser, { nullable: true })
  staffUser: StaffUser | null;

  @Field(() => Customer, { nullable: true })
  customer: Customer | null;

  @Field(() => [String], { description: 'What this actor may do (empty for customers).' })
  permissions: string[];
}

@ObjectType({ description: 'A permission that core or an enabled plugin declares.' })
class Permission {
  @Field({ description: '<owner>.<object>.<action>' })
  name: string;

  @Field()
  description: string;

  @Field({ description: "'core' or the declaring plugin's name." })
  owner: string;
}

@ObjectType()
class StaffUserPage {
  @Field(() => [StaffUser])
  items: StaffUser[];
  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
class RolePage {
  @Field(() => [Role])
  items: Role[];
  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
class PermissionPage {
  @Field(() => [Permission])
  items: Permission[];
  @Field(() => Int)
  totalCount: number;
}

@ObjectType()
class ApiKeyPage {
  @Field(() => [ApiKey])
  items: ApiKey[];
  @Field(() => Int)
  totalCount: number;
}

function setSessionCookie(ctx: GraphQLContext, token: string, expiresAt: Date) {
  ctx.reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

function presentedToken(ctx: GraphQLContext): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.request.headers.authorization ?? '')?.[1];
  return bearer && !bearer.startsWith('ak_') ? bearer : ctx.request.cookies?.[SESSION_COOKIE];
}

/** Sign-in, sessions, staff users, roles, permissions and API keys. */
@ObjectType({ description: 'A staff user as pickers and references show them: id and name only.' })
class StaffDirectoryEntry {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ArgsType()
class StaffDirectoryArgs {
  @Field({ nullable: true, description: 'Part of a name or e-mail.' })
  @IsOptional()
  @MaxLength(100)
  search?: string;

  @Field({ nullable: true, description: 'Only staff whose roles grant this permission, e.g. warranty.repair.write.' })
  @IsOptional()
  @MaxLength(100)
  permission?: string;

  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  @Min(1)
  @Max(100)
  take: number;
}

@Resolver()
export class IdentityResolver {
  @Public()
  // Nullable so that each aliased login field of one request runs, and counts, as its own attempt.
  @Mutation(() => LoginResult, {
    nullable: true,
    description: 'Sign in as staff. Sets the session cookie too. Rate limited per account and per IP; null with an error on failure.',
  })
  async login(@Args() { email, password }: LoginArgs, @Ctx() ctx: GraphQLContext): Promise<LoginResult> {
    const result = await ctx.identity.login(email, password, ctx.ip);
    setSessionCookie(ctx, result.token, result.expiresAt);
    return { token: result.token, expiresAt: result.expiresAt, user: result.user };
  }

  @Public()
  @Mutation(() => Boolean, { description: 'End the current session (cookie or bearer token) and clear the cookie.' })
  async logout(@Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.logout(presentedToken(ctx));
    ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  @Authorized()
  @Query(() => Viewer, { description: 'The signed-in staff user, customer or API key.' })
  async me(@Ctx() ctx: GraphQLContext): Promise<Viewer> {
    const a = ctx.actor;
    if (a.kind === 'staff') {
      return { kind: 'staff', staffUser: await ctx.identity.staffUser(a.userId), customer: null, permissions: [...a.permissions].sort() };
    }
    if (a.kind === 'customer') {
      return { kind: 'customer', staffUser: null, customer: await ctx.identity.customer(a, a.customerId), permissions: [] };
    }
    return { kind: a.kind, staffUser: null, customer: null, permissions: a.kind === 'apiKey' ? [...a.permissions].sort() : [] };
  }

  @Authorized(STAFF)
  @Mutation(() => Boolean, { description: 'Change your own password; your other sessions end.' })
  async changePassword(@Args() { currentPassword, newPassword }: ChangePasswordArgs, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.changePassword(ctx.actor, currentPassword, newPassword, ctx.ip);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Send a password-reset token to this staff email if an account exists. Always true.' })
  async requestPasswordReset(@Args() { email }: EmailArgs, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.requestPasswordReset(email, ctx.ip);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Set a new password with a reset token (single use, 60 minutes). Ends all sessions.' })
  async resetPassword(@Args() { token, newPassword }: ResetPasswordArgs, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.resetPassword(token, newPassword);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Confirm a changed staff email with the token sent to the new address; from then on the account signs in with it.',
  })
  async confirmStaffEmail(@Args() { token }: TokenArgs, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.confirmStaffEmail(token);
    return true;
  }

  @Authorized('core.staff.manage')
  @Mutation(() => StaffUser)
  createStaffUser(@Arg('input') input: CreateStaffUserInput, @Ctx() ctx: GraphQLContext): Promise<StaffUser> {
    return ctx.identity.createStaffUser(ctx.actor, input);
  }

  @Authorized('core.staff.manage')
  @Mutation(() => StaffUser, {
    description:
      'Change name, email or roles of a staff user who holds no permission you lack. A new email is stored as `pendingEmail` until its owner confirms it.',
  })
  updateStaffUser(@Arg('input') input: UpdateStaffUserInput, @Ctx() ctx: GraphQLContext): Promise<StaffUser> {
    return ctx.identity.updateStaffUser(ctx.actor, input);
  }

  @Authorized('core.staff.manage')
  @Mutation(() => StaffUser, {
    description:
      'The user can no longer sign in; all their sessions end at once. Not for users holding permissions you lack, nor for the last active Administrator.',
  })
  deactivateStaffUser(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<StaffUser> {
    return ctx.identity.deactivateStaffUser(ctx.actor, id);
  }

  @Authorized(STAFF)
  @Query(() => [StaffDirectoryEntry], {
    description:
      'Active staff users by name, for pickers (any signed-in staff user): by part of a name or e-mail, and by a permission their roles grant.',
  })
  staffDirectory(@Args() args: StaffDirectoryArgs, @Ctx() ctx: GraphQLContext): Promise<StaffDirectoryEntry[]> {
    return ctx.identity.staffDirectory(args);
  }

  @Authorized('core.staff.read', 'core.staff.manage')
  @Query(() => StaffUserPage)
  staffUsers(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<StaffUserPage> {
    return ctx.identity.staffUsers(skip, take);
  }

  @Authorized('core.staff.read', 'core.staff.manage', 'core.role.manage')
  @Query(() => RolePage)
  async roles(@Ctx() ctx: GraphQLContext): Promise<RolePage> {
    const items = await ctx.identity.roles();
    return { items, totalCount: items.length };
  }

  @Authorized('core.role.manage')
  @Mutation(() => Role)
  createRole(@Arg('input') input: CreateRoleInput, @Ctx() ctx: GraphQLContext): Promise<Role> {
    return ctx.identity.createRole(ctx.actor, input);
  }

  @Authorized('core.role.manage')
  @Mutation(() => Role)
  updateRole(@Arg('input') input: UpdateRoleInput, @Ctx() ctx: GraphQLContext): Promise<Role> {
    return ctx.identity.updateRole(ctx.actor, input);
  }

  @Authorized(STAFF, 'core.role.manage')
  @Query(() => PermissionPage, { description: 'Every permission of core and the enabled plugins.' })
  permissions(@Ctx() ctx: GraphQLContext): PermissionPage {
    const items = ctx.identity.permissions.map((p) => ({ name: p.name, description: p.description, owner: p.owner }));
    return { items, totalCount: items.length };
  }

  @Authorized('core.apikey.manage')
  @Mutation(() => CreatedApiKey, { description: 'Only staff users create keys, and never with permissions they lack.' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() ctx: GraphQLContext): Promise<CreatedApiKey> {
    return ctx.identity.createApiKey(ctx.actor, input);
  }

  @Authorized('core.apikey.manage')
  @Mutation(() => ApiKey)
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ApiKey> {
    return ctx.identity.revokeApiKey(id);
  }

  @Authorized('core.apikey.manage')
  @Query(() => ApiKeyPage)
  apiKeys(@Args() { skip, take }: PageArgs, @Ctx() ctx: GraphQLContext): Promise<ApiKeyPage> {
    return ctx.identity.apiKeys(skip, take);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Send a 6-digit sign-in code to this customer email if a customer has it. Always true.' })
  async requestCustomerCode(@Args() { email }: EmailArgs, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    await ctx.identity.requestCustomerCode(email, ctx.ip);
    return true;
  }

  @Public()
  @Mutation(() => CustomerSession, {
    nullable: true,
    description: 'Exchange email and code for a customer session (5 attempts per code); null with an error on failure.',
  })
  async verifyCustomerCode(@Args() { email, code }: VerifyCustomerCodeArgs, @Ctx() ctx: GraphQLContext): Promise<CustomerSession> {
    const s = await ctx.identity.verifyCustomerCode(email, code, ctx.ip);
    setSessionCookie(ctx, s.token, s.expiresAt);
    return { token: s.token, expiresAt: s.expiresAt, customer: s.customer };
  }

  @Public()
  @Mutation(() => CustomerSession, {
    nullable: true,
    description:
      'Exchange the one-time link from the sign-in message (sent with the code) for a customer session; null with an error when it expired or was used.',
  })
  async verifyCustomerLink(@Args() { token }: VerifyCustomerLinkArgs, @Ctx() ctx: GraphQLContext): Promise<CustomerSession> {
    const s = await ctx.identity.verifyCustomerLink(token, ctx.ip);
    setSessionCookie(ctx, s.token, s.expiresAt);
    return { token: s.token, expiresAt: s.expiresAt, customer: s.customer };
  }

  @Authorized(STAFF, CUSTOMER)
  @Mutation(() => Int, { description: 'End all your sessions on every device, this one included; returns how many ended.' })
  async signOutEverywhere(@Ctx() ctx: GraphQLContext): Promise<number> {
    const ended = await ctx.identity.endAllSessions(ctx.actor);
    ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ended;
  }
}
