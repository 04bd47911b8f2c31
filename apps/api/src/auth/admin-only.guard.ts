import { CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { principalOf } from './request-principal';

/** Routes that manage keys or show the system's internals: the admin role only. */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const principal = principalOf(context.switchToHttp().getRequest<FastifyRequest>());
    if (principal.roles.includes('admin')) return true;
    throw new ApiError({
      statusCode: 403,
      code: 'FORBIDDEN',
      message: 'this needs the admin role',
      details: { permission: 'admin' },
    });
  }
}

export const AdminOnly = () => UseGuards(AdminOnlyGuard);
