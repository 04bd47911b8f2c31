import {
  CommandCatalogue,
  commandCatalogue,
  CommandContext,
  CommandRoute,
  CommandType,
  CommandTypeOf,
  IntentFor,
  IntentOf,
  KindOfCommand,
  NoRoute,
  PathParams,
  RoutedCommandType,
  routedCommandTypes,
  routeOf,
} from '@crm/application';
import { AggregateKind } from '@crm/domain';
import {
  Body,
  Controller,
  Delete,
  Param,
  Patch,
  PipeTransform,
  Post,
  Put,
  SetMetadata,
  Type,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandContextFromRequest } from './command-context.decorator';
import { CommandEndpoint } from './command-endpoint.decorator';
import { CommandSender } from './command-sender';
import { CustomFieldKeyPipe, TagParamPipe } from './field-rules';
import { newRecordId, RecordIdPipe } from './record-id';

/** What a command's request body carries: its intent without the record id and the path's parameters. */
export type BodyOf<T extends RoutedCommandType> = Omit<
  IntentOf<T>,
  `${KindOfCommand<T>}Id` | PathParams<RoutePathOf<T>>
>;

type RoutePathOf<T extends RoutedCommandType> = CommandCatalogue[T]['route'] extends {
  path: infer Path extends string;
}
  ? Path
  : never;

/**
 * The DTO class that validates a command's body. A command with nothing in its body takes `null`
 * (no body), or an empty DTO that refuses any field sent.
 */
export type BodyClass<T extends RoutedCommandType> = [keyof BodyOf<T>] extends [never]
  ? Type<object> | null
  : Type<BodyOf<T>>;

/** Every routed command of a kind with its body DTO: leaving one out fails the type check. */
export type CommandBodies<K extends AggregateKind> = {
  [T in CommandTypeOf<K> & RoutedCommandType]: BodyClass<T>;
};

/** Metadata on every command handler: which command the route runs (permission checks read it). */
export const COMMAND_TYPE_METADATA = 'crm:command-type';

const PATH_PARAM_PIPES: Record<string, PipeTransform<string, string>> = {
  id: new RecordIdPipe('id'),
  stageId: new RecordIdPipe('stageId'),
  lineId: new RecordIdPipe('lineId'),
  tag: TagParamPipe,
  key: CustomFieldKeyPipe,
};

const METHODS = { POST: Post, PUT: Put, PATCH: Patch, DELETE: Delete } as const;

const pathParamsOf = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]);

const splitPath = (path: string): { prefix: string; rest: string } => {
  const [prefix, ...rest] = path.split('/').filter(Boolean);
  return { prefix, rest: rest.join('/') };
};

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

type HandlerSpec = {
  kind: AggregateKind;
  type: CommandType;
  creates: boolean;
  route: CommandRoute;
  body: Type<object> | null;
  followedBy?: readonly string[];
};

/**
 * The intent a request asks for: the record id (from the path, or new for a creating command),
 * the other path parameters, then the validated body. The body DTO's type is checked against the
 * intent at compile time (`CommandBodies`), which is why this one assembly may be loosely typed.
 */
const intentOf = (
  spec: HandlerSpec,
  params: Record<string, string>,
  body: Record<string, unknown>,
  context: CommandContext,
): { recordId: string; intent: IntentFor<AggregateKind> } => {
  const { id: pathId, ...pathFields } = params;
  const { id: clientId, ...fields } = body;
  const recordId = spec.creates
    ? newRecordId(context, typeof clientId === 'string' ? clientId : undefined)
    : pathId;
  const data = { [`${spec.kind}Id`]: recordId, ...pathFields, ...(spec.creates ? fields : body) };
  return { recordId, intent: { type: spec.type, data } as IntentFor<AggregateKind> };
};

const defineHandler = (prototype: object, spec: HandlerSpec): void => {
  const { route } = spec;
  const params = pathParamsOf(route.path);
  const name = route.handler;
  async function handle(this: { commands: CommandSender }, ...args: unknown[]) {
    const values = Object.fromEntries(params.map((param, index) => [param, args[index] as string]));
    const body = (spec.body ? args[params.length] : {}) as Record<string, unknown>;
    const context = args[args.length - 1] as CommandContext;
    const { recordId, intent } = intentOf(spec, values, body, context);
    return this.commands.send(spec.kind, recordId, intent, context);
  }
  // Nest and the OpenAPI scanner know a handler by its function's name.
  Object.defineProperty(handle, 'name', { value: name });
  Object.defineProperty(prototype, name, { value: handle, writable: true, configurable: true });

  // Parameter decorators run last parameter first, as TypeScript applies them.
  const contextIndex = params.length + (spec.body ? 1 : 0);
  CommandContextFromRequest()(prototype, name, contextIndex);
  if (spec.body) Body()(prototype, name, params.length);
  [...params.entries()].reverse().forEach(([index, param]) => {
    const pipe = PATH_PARAM_PIPES[param];
    if (!pipe) throw new Error(`no pipe validates the path parameter :${param} of ${route.path}`);
    Param(param, pipe)(prototype, name, index);
  });
  Reflect.defineMetadata(
    'design:paramtypes',
    [...params.map(() => String), ...(spec.body ? [spec.body] : []), Object],
    prototype,
    name,
  );

  const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
  const decorated = Reflect.decorate(
    [
      METHODS[route.method](splitPath(route.path).rest || undefined),
      CommandEndpoint(route.summary, { creates: spec.creates, followedBy: spec.followedBy }),
      SetMetadata(COMMAND_TYPE_METADATA, spec.type),
    ],
    prototype,
    name,
    descriptor,
  ) as PropertyDescriptor | undefined;
  if (decorated) Object.defineProperty(prototype, name, decorated);
};

/**
 * The command controller of one aggregate kind, derived from the catalogue: one handler per
 * command with its route, DTO, OpenAPI operation and the command's type as metadata.
 */
export const commandController = <K extends AggregateKind>(
  kind: K,
  bodies: CommandBodies<K>,
): Type<unknown> => {
  const types = routedCommandTypes.filter((type) => commandCatalogue[type].kind === kind);
  const prefixes = new Set(types.map((type) => splitPath(routeOf(type).path).prefix));
  if (prefixes.size !== 1) throw new Error(`the ${kind} commands' routes need one path prefix`);
  const [prefix] = prefixes;
  const name = `${capitalized(prefix)}Controller`;
  const controller = {
    [name]: class {
      constructor(readonly commands: CommandSender) {}
    },
  }[name];
  Reflect.defineMetadata('design:paramtypes', [CommandSender], controller);
  const byType: Record<string, Type<object> | null> = bodies;
  for (const type of types) {
    const entry: { creates?: true; route: CommandRoute | NoRoute; followedBy?: readonly string[] } =
      commandCatalogue[type];
    defineHandler(controller.prototype, {
      kind,
      type,
      creates: entry.creates === true,
      route: routeOf(type),
      body: byType[type],
      followedBy: entry.followedBy,
    });
  }
  Reflect.decorate([ApiTags(prefix), Controller(prefix)], controller);
  return controller;
};
