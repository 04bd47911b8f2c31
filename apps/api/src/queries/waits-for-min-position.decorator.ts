import { Inject } from '@nestjs/common';
import { ReadGate, ReadOptionsDto } from '../http/read-options';

/** Where the read gate is injected into a controller whose query routes wait. */
const READ_GATE = Symbol('readGate');

type Gated = { [READ_GATE]: ReadGate };
type Handler = (this: Gated, ...args: unknown[]) => Promise<unknown>;

const gatedControllers = new WeakSet<object>();

const isReadOptions = (type: unknown): boolean =>
  typeof type === 'function' &&
  (type === ReadOptionsDto || type.prototype instanceof ReadOptionsDto);

/** Keeps the metadata other decorators put on the handler (OpenAPI, routes) on its wrapper. */
const copyMetadata = (from: object, to: object): void => {
  for (const key of Reflect.getMetadataKeys(from)) {
    Reflect.defineMetadata(key, Reflect.getMetadata(key, from), to);
  }
};

/**
 * Holds a query route back until the read models have reached its `minPosition`: the handler
 * runs after the wait, so it is written once here, not in every handler. It wraps the handler
 * rather than intercepting the request because Nest's interceptors run before the pipes: the
 * wait must see the validated query (a bad query answers 400 at once, as it always did).
 * Routes without a `ReadOptionsDto` query declare no `minPosition` and are left as they are.
 */
export const WaitsForMinPosition = (): MethodDecorator => (target, key, descriptor) => {
  const parameterTypes: unknown[] = Reflect.getMetadata('design:paramtypes', target, key) ?? [];
  const optionsAt = parameterTypes.findIndex(isReadOptions);
  if (optionsAt < 0) return descriptor;
  if (!gatedControllers.has(target)) {
    Inject(ReadGate)(target, READ_GATE);
    gatedControllers.add(target);
  }
  const handler = descriptor.value as unknown as Handler;
  const waiting: Handler = async function (this: Gated, ...args: unknown[]) {
    await this[READ_GATE].ready(args[optionsAt] as ReadOptionsDto);
    return handler.apply(this, args);
  };
  Object.defineProperty(waiting, 'name', { value: handler.name });
  copyMetadata(handler, waiting);
  descriptor.value = waiting as unknown as typeof descriptor.value;
  return descriptor;
};
