import { aggregateDeciders } from '@crm/domain';
import {
  commandCatalogue,
  commandForRoute,
  commandPermissions,
  commandTypes,
  isCreatingCommand,
  permissionForRoute,
  permissionOf,
  routedCommandTypes,
  routeOf,
} from './command-catalogue';
import { intentFromOutside } from './catalogued-command';

const KEBAB = /^[a-z]+(?:-[a-z]+)*:[a-z]+(?:-[a-z]+)*$/;

describe('command catalogue', () => {
  it('names every permission <kind>:<action> in kebab-case, once', () => {
    for (const type of commandTypes) {
      const { kind, permission } = commandCatalogue[type];
      expect(permission).toMatch(KEBAB);
      expect(permission.startsWith(`${kind}:`)).toBe(true);
    }
    expect(new Set(commandPermissions).size).toBe(commandTypes.length);
  });

  it('gives every route its own method and path, and every handler its own name in its group', () => {
    const routes = routedCommandTypes.map(routeOf);
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => `${r.path.split('/')[1]}.${r.handler}`)).size).toBe(
      routes.length,
    );
  });

  it('has at least one creating command per aggregate, routed as POST to the collection', () => {
    for (const kind of Object.keys(aggregateDeciders)) {
      const creating = commandTypes.filter(
        (type) => commandCatalogue[type].kind === kind && isCreatingCommand(type),
      );
      expect(creating.length).toBeGreaterThan(0);
      for (const type of creating)
        expect(commandCatalogue[type].route).toMatchObject({ method: 'POST' });
    }
  });

  it('finds a command and its permission from its type and from its route', () => {
    expect(permissionOf('MoveDealStage')).toBe('deal:move-stage');
    expect(commandForRoute('post', '/deals/:id/stage')).toBe('MoveDealStage');
    expect(permissionForRoute('DELETE', '/contacts/:id/tags/:tag')).toBe('contact:untag');
    expect(permissionForRoute('GET', '/deals/:id')).toBeUndefined();
  });

  it('gives the commands only the system issues a permission but no route', () => {
    expect(routedCommandTypes).not.toContain('RecordTicketSlaBreach');
    expect(routedCommandTypes).not.toContain('RecordLeadEngagement');
    expect(routedCommandTypes).not.toContain('DecayLeadScore');
    expect(routedCommandTypes.length).toBe(commandTypes.length - 3);
    expect(permissionOf('RecordTicketSlaBreach')).toBe('ticket:record-sla-breach');
    expect(commandPermissions).toContain('ticket:record-sla-breach');
    expect(permissionOf('RecordLeadEngagement')).toBe('lead:record-engagement');
    expect(permissionOf('DecayLeadScore')).toBe('lead:decay');
    expect(() => routeOf('RecordTicketSlaBreach' as never)).toThrow('has no HTTP route');
  });

  it('refuses a command from outside the type system whose type is not of the kind', () => {
    expect(() => intentFromOutside('deal', { type: 'CreateContact', data: {} })).toThrow(
      'command CreateContact belongs to contact, not deal',
    );
    expect(() => intentFromOutside('deal', { type: 'FlyDeal', data: {} })).toThrow(
      'unknown command type FlyDeal',
    );
    const intent = { type: 'WinDeal', data: { dealId: 'd-1' } };
    expect(intentFromOutside('deal', intent)).toBe(intent);
  });
});
