import { abilityFor } from '@crm/application';
import { ReadScope, readScopeOf } from '@crm/queries';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { principalOf } from './request-principal';

/** What the caller may read, from their roles' row rules: read models `within` it show no more. */
export const readScopeOfRequest = (request: FastifyRequest): ReadScope =>
  readScopeOf(abilityFor(principalOf(request)));

/** The caller's read scope, for a query to read `within`. */
export const ReadScopeFromRequest = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ReadScope =>
    readScopeOfRequest(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
