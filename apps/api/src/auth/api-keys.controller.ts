import {
  ApiKeyAdministration,
  ApiKeyNotFoundError,
  expiryFrom,
  principalRecordOf,
} from '@crm/application';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ApiError } from '../http/api-error';
import { AdminOnly } from './admin-only.guard';
import { CreateApiKeyDto } from './api-key.dtos';
import { principalOf } from './request-principal';

const KEY_ID = /^key_[0-9a-f]{32}$/;

/** An admin's keys for their own tenant: the secret is answered once, at creation. */
@ApiTags('api-keys')
@ApiBearerAuth()
@AdminOnly()
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyAdministration) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the answer holds its secret, shown only this once' })
  @ApiResponse({ status: 201, description: 'the key and its secret' })
  async create(@Body() body: CreateApiKeyDto, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    const expiresAt = body.expires === undefined ? undefined : expiryFrom(body.expires, new Date());
    if (body.expires !== undefined && expiresAt === undefined) {
      throw ApiError.badRequest('VALIDATION_FAILED', 'expires is not a future moment', [
        { field: 'expires', errors: ['must be an ISO-8601 duration or a future date-time'] },
      ]);
    }
    const { key, secret } = await this.keys.create(
      {
        tenantId: principal.tenant,
        subject: body.subject,
        roles: body.roles,
        name: body.name,
        expiresAt,
      },
      principalRecordOf(principal),
    );
    return { ...key, secret };
  }

  @Get()
  @ApiOperation({
    summary: "The tenant's API keys, revoked and expired ones included (never a secret)",
  })
  async list(@Req() request: FastifyRequest) {
    return { keys: await this.keys.list(principalOf(request).tenant) };
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke an API key: refused from then on (within a second on every process)',
  })
  @ApiResponse({ status: 404, description: 'API_KEY_NOT_FOUND: no such key in this tenant' })
  async revoke(@Param('id') id: string, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    if (!KEY_ID.test(id)) throw this.notFound(id);
    try {
      return await this.keys.revoke(id, principalRecordOf(principal), principal.tenant);
    } catch (error) {
      if (error instanceof ApiKeyNotFoundError) throw this.notFound(id);
      throw error;
    }
  }

  private notFound(id: string): ApiError {
    return new ApiError({
      statusCode: 404,
      code: 'API_KEY_NOT_FOUND',
      message: `API key ${id} does not exist`,
    });
  }
}
