import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

/** Query and transport limits, the same on HTTP and WebSocket. */
export const LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxDirectives: 30,
  maxCost: 20_000,
  maxTokens: 5_000,
  maxBodyBytes: 1_000_000,
  /** How deeply a request body or variables may nest (arrays and objects); deeper is refused before GraphQL. */
  maxJsonDepth: 64,
  maxWebSocketPayloadBytes: 1024 * 1024,
  maxSubscriptionsPerConnection: 25,
  connectionInitTimeoutMs: 5_000,
} as const;

/** Validation rules added to GraphQL's own, for both transports. */
export function limitRules(): ValidationRule[] {
  // Report (not throw) a breach, so it becomes a normal validation error on both transports.
  const common = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
  };
  return [
    maxDepthRule({ n: LIMITS.maxDepth, ignoreIntrospection: true, ...common }),
    maxAliasesRule({ n: LIMITS.maxAliases, ...common }),
    maxDirectivesRule({ n: LIMITS.maxDirectives, ...common }),
    costLimitRule({ maxCost: LIMITS.maxCost, ignoreIntrospection: true, ...common }),
  ] as ValidationRule[];
}

/** Whether `value` nests arrays/objects deeper than `max` levels; iterative, so any depth is safe to check. */
export function jsonDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return false;
}

