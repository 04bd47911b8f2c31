import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError, FieldError } from './api-error';

/** Flattens class-validator's tree into `emails[0].address`-style paths. */
const flatten = (errors: ValidationError[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = error.constraints ? [{ field, errors: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });

const PART_NAMES: Partial<Record<ArgumentMetadata['type'], string>> = {
  body: 'the request body is invalid',
  query: 'the query parameters are invalid',
  param: 'the path parameters are invalid',
};

/**
 * Rejects wrong types, missing fields and unknown fields with a 400 listing every one of them,
 * and says which part of the request (body, query, path) they are in.
 */
class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        ApiError.badRequest('VALIDATION_FAILED', 'the request is invalid', flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const message = PART_NAMES[metadata.type];
      if (error instanceof ApiError && error.body.code === 'VALIDATION_FAILED' && message) {
        throw new ApiError({ ...error.body, message });
      }
      throw error;
    }
  }
}

export const createValidationPipe = (): ValidationPipe => new RequestValidationPipe();
