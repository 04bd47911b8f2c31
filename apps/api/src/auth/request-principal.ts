import { Principal } from '@crm/application';
import { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from './unauthenticated.error';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook from the verified credential; absent on public routes. */
    principal?: Principal;
  }
}

/** The request's principal; a route reached without one is a wiring fault, refused as 401. */
export const principalOf = (request: FastifyRequest): Principal => {
  if (!request.principal) throw new UnauthenticatedError('no principal on the request');
  return request.principal;
};
