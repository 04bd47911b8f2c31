import { DomainError, domainErrorCodes, DomainErrorCode } from '@crm/domain';
import { toErrorBody } from './error.filter';

const STATUS = { rule: 422, not_found: 404, already_exists: 409 } as const;

describe('error mapping of domain error codes', () => {
  it('answers every declared code with the status of its declared kind', () => {
    for (const [code, kind] of Object.entries(domainErrorCodes)) {
      const body = toErrorBody(new DomainError(code, 'refused', 'rule'));
      expect({ code, status: body?.statusCode }).toEqual({ code, status: STATUS[kind] });
    }
  });

  it('keeps the machine-readable code and the details', () => {
    const code: DomainErrorCode = 'DEAL_CLOSED';
    expect(
      toErrorBody(new DomainError(code, 'deal d-1 is won', 'rule', { dealId: 'd-1' })),
    ).toEqual({ statusCode: 422, code, message: 'deal d-1 is won', details: { dealId: 'd-1' } });
  });
});
