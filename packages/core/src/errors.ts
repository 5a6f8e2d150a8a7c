import { GraphQLError } from 'graphql';

/**
 * Stable error codes carried in `extensions.code` of every GraphQL error Aftercare returns.
 * Integrators may switch on these; they never change meaning.
 */
export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One invalid input field: `field` is the dotted input path, `message` says what to fix. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Base class of the errors a resolver or service throws on purpose. The message is shown to the
 * caller as is, so write it for a person: say what is wrong and what to do.
 */
export class AftercareError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.code = code;
    this.name = 'AftercareError';
  }
}

export class NotFoundError extends AftercareError {
  constructor(entity: string, id: string) {
    super(ErrorCode.NOT_FOUND, `${entity} ${id} does not exist or is not visible to you.`, { entity, id });
  }
}

export class ForbiddenError extends AftercareError {
  constructor(message = 'You do not have permission to do this.', extensions: Record<string, unknown> = {}) {
    super(ErrorCode.FORBIDDEN, message, extensions);
  }
}

export class UnauthenticatedError extends AftercareError {
  constructor(message = 'Sign in first: this operation needs an authenticated caller.') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ValidationError extends AftercareError {
  readonly fields: FieldError[];
  constructor(fields: FieldError[], message?: string) {
    super(ErrorCode.VALIDATION_FAILED, message ?? fields.map((f) => `${f.field}: ${f.message}`).join('; '), { fields });
    this.fields = fields;
  }
}

export class InvalidTransitionError extends AftercareError {
  constructor(entity: string, from: string, to: string, allowed: readonly string[]) {
    super(
      ErrorCode.INVALID_TRANSITION,
      `${entity} cannot go from '${from}' to '${to}'. ` +
        (allowed.length ? `From '${from}' it can go to: ${allowed.join(', ')}.` : `'${from}' is a final state.`),
      { entity, from, to, allowed },
    );
  }
}

export class ConflictError extends AftercareError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, extensions);
  }
}

export class RateLimitedError extends AftercareError {
  constructor(retryAfterSeconds: number) {
    super(ErrorCode.RATE_LIMITED, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
    });
  }
}

/**
 * A problem that stops the server from starting: bad configuration, an incompatible or clashing
 * plugin, a missing dependency. The message is one line a person can act on.
 */
export class BootError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BootError';
  }
}
