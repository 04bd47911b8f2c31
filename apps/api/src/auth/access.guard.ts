import {
  abilityFor,
  allowsOn,
  CommandExecutor,
  dependsOnRecord,
  mayEver,
  permissionForRoute,
  streamNameFor,
} from '@crm/application';
import { deciderFor, isAggregateKind } from '@crm/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { PUBLIC, READ_PERMISSIONS } from './read-permissions';
import { principalOf } from './request-principal';

/** The permission a route needs: the catalogue's for a command, the read table's otherwise. */
export const permissionOfRoute = (method: string, path: string): string | undefined =>
  permissionForRoute(method, path) ?? READ_PERMISSIONS[`${method.toUpperCase()} ${path}`];

const forbidden = (permission: string): ApiError =>
  new ApiError({
    statusCode: 403,
    code: 'FORBIDDEN',
    message: `this needs the ${permission} permission`,
    details: { permission },
  });

/**
 * Checks every routed request against the caller's roles: the route's permission must be
 * granted at all (else 403 FORBIDDEN naming it); where only a row rule grants it, the record's
 * current state (from its stream, the source of truth) must match the rule, and a record the
 * caller may not even read answers 404 as if it did not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly executor: CommandExecutor) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const path = request.routeOptions.url ?? '';
    const permission = permissionOfRoute(request.method, path);
    if (permission === PUBLIC) return true;
    if (permission === undefined) throw forbidden(`(none declared for ${request.method} ${path})`);
    const principal = principalOf(request);
    const ability = abilityFor(principal);
    if (!mayEver(ability, permission)) throw forbidden(permission);
    const [kind] = permission.split(':');
    if (!dependsOnRecord(ability, permission) || !isAggregateKind(kind)) return true;

    const params = request.params as Record<string, string | undefined>;
    const query = request.query as Record<string, string | undefined>;
    if (path === '/pipelines/:id/board') {
      // The board lists deals: with row rules on deals it shows only the caller's own.
      if (query.ownerId !== principal.subject) throw forbidden(`${permission} (others' deals)`);
      return true;
    }
    const id = params.id;
    if (id === undefined || !path.startsWith(`/${kind}s/`)) {
      if (request.method !== 'GET') return true;
      // A list the caller may see only part of, which is not yet filtered by the row rule.
      throw forbidden(`${permission} (every record)`);
    }
    const record = await this.executor.load(
      deciderFor(kind),
      streamNameFor(kind, principal.tenant, id),
    );
    const state = record.state as { exists?: boolean };
    if (!state.exists) return true;
    if (!allowsOn(ability, `${kind}:read`, state)) {
      throw new ApiError({
        statusCode: 404,
        code: `${kind.toUpperCase()}_NOT_FOUND`,
        message: `${kind} ${id} does not exist`,
      });
    }
    if (!allowsOn(ability, permission, state)) throw forbidden(permission);
    return true;
  }
}
