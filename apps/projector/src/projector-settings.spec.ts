import { ConfigError } from '@crm/application/config';
import { allProjections, UnknownProjectionError } from '@crm/projections';
import { hostname } from 'node:os';
import { loadProjectorSettings } from './projector-settings';

describe('loadProjectorSettings', () => {
  it('defaults: every projection, owner <hostname>-<pid>', () => {
    const settings = loadProjectorSettings({}, 4242);
    expect(settings.projections).toEqual(allProjections);
    expect(settings.owner).toBe(`${hostname()}-4242`);
    expect(settings.config.CRM_DATA_DIR).toBe('./data');
  });

  it('CRM_PROJECTIONS and CRM_PROJECTOR_ID choose what runs and under which name', () => {
    const settings = loadProjectorSettings({
      CRM_PROJECTIONS: 'deals, contacts',
      CRM_PROJECTOR_ID: 'projector-a',
      CRM_DATA_DIR: '/var/crm',
    });
    expect(settings.projections.map((p) => p.name)).toEqual(['contacts', 'deals']);
    expect(settings.owner).toBe('projector-a');
    expect(settings.config.CRM_DATA_DIR).toBe('/var/crm');
  });

  it('an unknown projection or a bad shared setting stops the start-up', () => {
    expect(() => loadProjectorSettings({ CRM_PROJECTIONS: 'nope' })).toThrow(
      UnknownProjectionError,
    );
    expect(() => loadProjectorSettings({ CRM_READ_STORE: 'postgres' })).toThrow(ConfigError);
  });
});
