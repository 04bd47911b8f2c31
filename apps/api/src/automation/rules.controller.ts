import {
  InvalidRuleError,
  listRuns,
  principalRecordOf,
  RULE_ID,
  RuleDefinition,
  RuleDeletedError,
  RuleNotFoundError,
  RuleRegistry,
} from '@crm/application';
import { EventStore } from '@crm/event-store';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE } from '@crm/application';
import { FastifyRequest } from 'fastify';
import { principalOf } from '../auth/request-principal';
import { ApiError } from '../http/api-error';
import { CreateRuleDto, ReviseRuleDto, RuleActionDto, RuleRunsQueryDto } from './rule.dtos';

/** Turns the registry's refusals into answers; anything else goes on to the error filter. */
const answerFor = (error: unknown): unknown => {
  if (error instanceof RuleNotFoundError) {
    return new ApiError({ statusCode: 404, code: error.code, message: error.message });
  }
  if (error instanceof RuleDeletedError) {
    return new ApiError({ statusCode: 409, code: error.code, message: error.message });
  }
  if (error instanceof InvalidRuleError) {
    return ApiError.badRequest(
      error.code,
      error.message,
      error.problems.map((problem) => ({
        field: problem.field,
        errors: [`${problem.code}: ${problem.message}`],
      })),
    );
  }
  return error;
};

const rethrow = (error: unknown): never => {
  throw answerFor(error);
};

const actionsOf = (actions: RuleActionDto[]): RuleDefinition['actions'] =>
  actions.map((action) =>
    action.assignRoundRobin
      ? { assignRoundRobin: { over: [...action.assignRoundRobin.over] } }
      : { command: action.command ?? '', data: action.data ?? {} },
  );

const definitionOf = (body: ReviseRuleDto): Partial<RuleDefinition> => ({
  ...(body.name !== undefined && { name: body.name }),
  ...(body.trigger !== undefined && {
    trigger: {
      eventType: body.trigger.eventType,
      ...(body.trigger.where && { where: body.trigger.where }),
      ...(body.trigger.recordWhere && { recordWhere: body.trigger.recordWhere }),
    },
  }),
  ...(body.delay !== undefined && {
    delay: { after: body.delay.after, ...(body.delay.from && { from: body.delay.from }) },
  }),
  ...(body.actions !== undefined && { actions: actionsOf(body.actions) }),
});

/** A tenant's workflow rules: defined, revised, switched and deleted as audited events. */
@ApiTags('automation')
@ApiBearerAuth()
@Controller('automation/rules')
export class RulesController {
  constructor(
    private readonly registry: RuleRegistry,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Define a workflow rule (version 1)' })
  @ApiResponse({ status: 201, description: 'the rule' })
  @ApiResponse({ status: 400, description: 'the definition names something that does not exist' })
  async create(@Body() body: CreateRuleDto, @Req() request: FastifyRequest) {
    const principal = principalOf(request);
    return this.registry
      .create(principal.tenant, definitionOf(body) as RuleDefinition, principalRecordOf(principal))
      .catch(rethrow);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's rules, disabled and deleted ones included" })
  async list(@Req() request: FastifyRequest) {
    return { rules: await this.registry.list(principalOf(request).tenant) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One rule, at its current version' })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  async get(@Param('id') id: string, @Req() request: FastifyRequest) {
    this.checkId(id);
    return this.registry.get(principalOf(request).tenant, id).catch(rethrow);
  }

  @Patch(':id')
  @ApiOperation({
    summary: "A new version of the rule: the fields given replace the last version's",
  })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RULE_DELETED' })
  async revise(
    @Param('id') id: string,
    @Body() body: ReviseRuleDto,
    @Req() request: FastifyRequest,
  ) {
    this.checkId(id);
    const principal = principalOf(request);
    return this.registry
      .revise(principal.tenant, id, definitionOf(body), principalRecordOf(principal))
      .catch(rethrow);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop the rule acting (pending delayed actions are skipped)' })
  @ApiResponse({ status: 200, description: 'the rule' })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RULE_DELETED' })
  async disable(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.switch(id, false, request);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Let a disabled rule act again, on events from now on' })
  @ApiResponse({ status: 200, description: 'the rule' })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'RULE_DELETED' })
  async enable(@Param('id') id: string, @Req() request: FastifyRequest) {
    return this.switch(id, true, request);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a rule (recorded as an event; it stays listed, deleted)' })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  async delete(@Param('id') id: string, @Req() request: FastifyRequest) {
    this.checkId(id);
    const principal = principalOf(request);
    return this.registry.delete(principal.tenant, id, principalRecordOf(principal)).catch(rethrow);
  }

  @Get(':id/runs')
  @ApiOperation({
    summary:
      'What the rule did for each trigger and action, or why not, in log order; `next` is the ' +
      '`after` of the following page (null on the last)',
  })
  @ApiResponse({ status: 404, description: 'RULE_NOT_FOUND' })
  async runs(
    @Param('id') id: string,
    @Query() query: RuleRunsQueryDto,
    @Req() request: FastifyRequest,
  ) {
    this.checkId(id);
    await this.registry.get(principalOf(request).tenant, id).catch(rethrow);
    const after = query.after === undefined ? -1n : BigInt(query.after);
    return listRuns(this.store, id, after, query.limit ?? 100);
  }

  private async switch(id: string, enabled: boolean, request: FastifyRequest) {
    this.checkId(id);
    const principal = principalOf(request);
    return this.registry
      .setEnabled(principal.tenant, id, enabled, principalRecordOf(principal))
      .catch(rethrow);
  }

  private checkId(id: string): void {
    if (!RULE_ID.test(id)) {
      throw new ApiError({
        statusCode: 404,
        code: 'RULE_NOT_FOUND',
        message: `rule ${id} does not exist`,
      });
    }
  }
}
