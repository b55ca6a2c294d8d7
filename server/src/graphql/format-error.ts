import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { isDatabaseUnavailable } from '../common/database-availability.js';
import { DomainError, ERROR_CODES, ServiceUnavailableError, type ErrorCode, type FieldProblem } from '../common/errors.js';
import type { Logger } from '../common/logger.js';

/** Codes GraphQL servers use for malformed requests; clients see them as BAD_USER_INPUT with a reason. */
const REQUEST_PROBLEMS = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*\?$/s, '');
}

function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** The error a resolver threw, under the GraphQLError wrappers. */
export function originalOf(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) current = current.originalError;
  return current;
}

/**
 * The one error formatter (HTTP and WebSocket): every error leaves with an `extensions.code` from the
 * fixed set; domain details are kept; anything unexpected is logged and masked behind a request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, requestId: string, logger: Logger): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  const original = originalOf(error);

  if (original instanceof DomainError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (original instanceof ArgumentValidationError) {
    const fields = fieldProblems(original.extensions.validationErrors as ValidationError[]);
    const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ') || 'Invalid input.';
    return { ...base, message, extensions: { code: 'BAD_USER_INPUT', fields } };
  }
  const code = (formatted.extensions?.code ?? (error instanceof GraphQLError ? error.extensions?.code : undefined)) as string | undefined;
  const isGraphQLError = error instanceof GraphQLError || original instanceof GraphQLError;
  const fromGraphQLItself = isGraphQLError && !(original instanceof Error && !(original instanceof GraphQLError));
  if (code && (ERROR_CODES as readonly string[]).includes(code) && code !== 'INTERNAL_SERVER_ERROR') {
    return { ...base, message: withoutSuggestions(formatted.message), extensions: { code: code as ErrorCode } };
  }
  if ((code && REQUEST_PROBLEMS.has(code)) || (!code && fromGraphQLItself)) {
    return { ...base, message: withoutSuggestions(formatted.message), extensions: { code: 'BAD_USER_INPUT', ...(code ? { reason: code } : {}) } };
  }

  if (isDatabaseUnavailable(original)) {
    logger.warn('Database unavailable', { requestId, message: original instanceof Error ? original.message : String(original) });
    const unavailable = new ServiceUnavailableError();
    return { ...base, message: unavailable.message, extensions: { code: unavailable.code } };
  }

  logger.error('Unexpected error', {
    requestId,
    message: original instanceof Error ? original.message : String(original),
    stack: original instanceof Error ? original.stack : undefined,
    path: formatted.path,
  });
  return { ...base, message: `Internal server error (request ${requestId}).`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } };
}
