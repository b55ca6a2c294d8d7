/** The fixed set of machine-readable error codes (ARCHITECTURE → API conventions). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export const ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
];

/** A problem with one input field, reported under `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * An expected failure of a business rule. Services throw these; the one error formatter turns
 * them into `extensions.code` plus the details. Anything else is treated as a bug and masked.
 */
export class DomainError extends Error {
  override name = 'DomainError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.', permission?: string) {
    super('FORBIDDEN', message, permission ? { permission } : {});
  }
}

export class NotFoundError extends DomainError {
  constructor(objectType: string, id: string) {
    super('NOT_FOUND', `${objectType} ${id} was not found.`, { objectType, id });
  }
}

export class BadUserInputError extends DomainError {
  constructor(fields: FieldProblem[], message = fields.map((f) => `${f.field}: ${f.message}`).join('; ')) {
    super('BAD_USER_INPUT', message, { fields });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown>) {
    super('CONFLICT', message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(retryAfterSeconds: number, message = 'Too many attempts. Try again later.') {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message = 'The service is temporarily unavailable. Try again shortly.') {
    super('SERVICE_UNAVAILABLE', message);
  }
}
