import { abilityFor, mayEver } from '@crm/application';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { maskPersonalData } from './personal-data';

/**
 * Masks personal data in every answer for a caller without `pii:read`, and says which fields it
 * masked in `X-Masked-Fields`.
 */
@Injectable()
export class PersonalDataInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const principal = http.getRequest<FastifyRequest>().principal;
    if (!principal || mayEver(abilityFor(principal), 'pii:read')) return next.handle();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const { masked, fields } = maskPersonalData(body);
        void reply.header('x-masked-fields', fields.length > 0 ? fields.join(', ') : 'none');
        return masked;
      }),
    );
  }
}
