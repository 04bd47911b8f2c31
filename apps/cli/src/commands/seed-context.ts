import { CommandContext, deterministicId, processPrincipal } from '@crm/application';
import { DemoDataOptions, DemoItem } from '@crm/demo-data';
import { createHash } from 'node:crypto';

/**
 * The context of the n-th demo command. The idempotency key makes a seed repeatable: running the
 * same seed again into the same tenant appends nothing (every command is an idempotent repeat),
 * and its event ids are the same on every machine.
 */
export const seedCommandContext = (
  options: DemoDataOptions,
  item: DemoItem,
  index: number,
): CommandContext => {
  const idempotencyKey = `demo-seed:${options.seed}:${index}`;
  const commandId = deterministicId(options.tenantId, idempotencyKey);
  return {
    tenantId: options.tenantId,
    actorId: item.actorId,
    // The demo's simulated users act through the seeding process.
    principal: processPrincipal('seed', { kind: 'user', subject: item.actorId }),
    commandId,
    correlationId: commandId,
    causationId: commandId,
    idempotencyKey,
    requestHash: createHash('sha256')
      .update(JSON.stringify({ kind: item.kind, recordId: item.recordId, command: item.command }))
      .digest('hex'),
  };
};
