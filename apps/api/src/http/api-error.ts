import { HttpException, HttpStatus } from '@nestjs/common';

/** One offending input: where it is and what is wrong with it. */
export type FieldError = { field: string; errors: string[] };

/** The body of every error answer: a machine-readable code, a message, and where relevant the fields. */
export type ApiErrorBody = {
  statusCode: number;
  code: string;
  message: string;
  fields?: FieldError[];
  details?: Record<string, unknown>;
};

export class ApiError extends HttpException {
  constructor(readonly body: ApiErrorBody) {
    super(body, body.statusCode);
  }

  static badRequest(code: string, message: string, fields?: FieldError[]): ApiError {
    return new ApiError({ statusCode: HttpStatus.BAD_REQUEST, code, message, fields });
  }
}
