import { AggregateKind } from '@crm/domain';
import { accountCatalogue, AccountIntents } from './account.catalogue';
import { campaignCatalogue, CampaignIntents } from './campaign.catalogue';
import { CommandRoute, HttpMethod, NoRoute } from './command-entry';
import { CommandType, CommandTypeOf, KindOfCommand } from './command-types';
import { contactCatalogue, ContactIntents } from './contact.catalogue';
import { dealCatalogue, DealIntents } from './deal.catalogue';
import { interactionCatalogue, InteractionIntents } from './interaction.catalogue';
import { leadCatalogue, LeadIntents } from './lead.catalogue';
import { pipelineCatalogue, PipelineIntents } from './pipeline.catalogue';
import { quoteCatalogue, QuoteIntents } from './quote.catalogue';
import { taskCatalogue, TaskIntents } from './task.catalogue';
import { ticketCatalogue, TicketIntents } from './ticket.catalogue';

/** What a client sends, per kind and command type. A kind missing here fails the type check. */
type EveryKind<T extends { [K in AggregateKind]: Record<CommandTypeOf<K>, object> }> = T;

type IntentsByKind = EveryKind<{
  account: AccountIntents;
  campaign: CampaignIntents;
  contact: ContactIntents;
  deal: DealIntents;
  interaction: InteractionIntents;
  lead: LeadIntents;
  pipeline: PipelineIntents;
  quote: QuoteIntents;
  task: TaskIntents;
  ticket: TicketIntents;
}>;

const withKind = <K extends AggregateKind, C extends object>(kind: K, entries: C) =>
  Object.fromEntries(
    Object.entries(entries).map(([type, entry]) => [type, { ...entry, kind }]),
  ) as {
    [T in keyof C]: C[T] & { kind: K };
  };

/**
 * Every command, declared once: its kind, whether it creates the record, the intent a client
 * sends, its references and preparer, its permission and its HTTP route. The command handling,
 * the HTTP routes with their OpenAPI operations and the permission list are derived from it.
 */
export const commandCatalogue = {
  ...withKind('account', accountCatalogue),
  ...withKind('campaign', campaignCatalogue),
  ...withKind('contact', contactCatalogue),
  ...withKind('deal', dealCatalogue),
  ...withKind('interaction', interactionCatalogue),
  ...withKind('lead', leadCatalogue),
  ...withKind('pipeline', pipelineCatalogue),
  ...withKind('quote', quoteCatalogue),
  ...withKind('task', taskCatalogue),
  ...withKind('ticket', ticketCatalogue),
} satisfies { [T in CommandType]: { kind: KindOfCommand<T> } };

export type CommandCatalogue = typeof commandCatalogue;

/** The intent data a client sends for a command type. */
export type IntentOf<T extends CommandType> = {
  [K in AggregateKind]: T extends keyof IntentsByKind[K] ? IntentsByKind[K][T] : never;
}[AggregateKind];

/** A command as a client (or a process manager) sends it: only the kind's types, each with its own data. */
export type IntentFor<K extends AggregateKind> = {
  [T in CommandTypeOf<K>]: { type: T; data: IntentOf<T> };
}[CommandTypeOf<K>];

export type AnyIntent = IntentFor<AggregateKind>;

/** Every permission a command can need, as a union of its literal names. */
export type CommandPermission = CommandCatalogue[CommandType]['permission'];

export const commandTypes = Object.keys(commandCatalogue) as CommandType[];

export const commandPermissions: readonly CommandPermission[] = commandTypes.map(
  (type) => commandCatalogue[type].permission,
);

export const permissionOf = <T extends CommandType>(type: T): CommandCatalogue[T]['permission'] =>
  commandCatalogue[type].permission;

/** The command types a client can send over HTTP (every one but the system's). */
export type RoutedCommandType = {
  [T in CommandType]: CommandCatalogue[T]['route'] extends NoRoute ? never : T;
}[CommandType];

const declaredRoute = (type: CommandType): CommandRoute | NoRoute => commandCatalogue[type].route;

/** The HTTP route of a routed command type. */
export const routeOf = (type: RoutedCommandType): CommandRoute => {
  const route = declaredRoute(type);
  if (route === 'none') throw new Error(`command ${type} has no HTTP route`);
  return route;
};

const hasRoute = (type: CommandType): type is RoutedCommandType => declaredRoute(type) !== 'none';

export const routedCommandTypes: readonly RoutedCommandType[] = commandTypes.filter(hasRoute);

/** The command a route template (`'/deals/:id/stage'`, as the router names it) runs, if any. */
export const commandForRoute = (method: string, path: string): CommandType | undefined =>
  routedCommandTypes.find((type) => {
    const route = routeOf(type);
    return route.method === method.toUpperCase() && route.path === path;
  });

export const permissionForRoute = (method: string, path: string): CommandPermission | undefined => {
  const type = commandForRoute(method, path);
  return type && permissionOf(type);
};

export const isCommandType = (type: string): type is CommandType =>
  Object.prototype.hasOwnProperty.call(commandCatalogue, type);

/** Whether the command brings its record into existence (every other one needs it to exist). */
export const isCreatingCommand = (type: string): boolean => {
  if (!isCommandType(type)) return false;
  const entry: { kind: AggregateKind; creates?: true } = commandCatalogue[type];
  return entry.creates === true;
};

export type { HttpMethod };
