import { abilityFor, mayEver, permissionForRoute } from '@crm/application';
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
 * granted by some rule at all, else 403 FORBIDDEN naming it. Row rules are not checked here:
 * reads are filtered by them (`ReadScopeFromRequest`), and a command checks them on the very
 * state it is decided on (the command executor), where a record the caller may not read
 * answers 404 as if it did not exist.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const path = request.routeOptions.url ?? '';
    const permission = permissionOfRoute(request.method, path);
    if (permission === PUBLIC) return true;
    if (permission === undefined) throw forbidden(`(none declared for ${request.method} ${path})`);
    if (!mayEver(abilityFor(principalOf(request)), permission)) throw forbidden(permission);
    return true;
  }
}
