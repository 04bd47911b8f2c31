import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { AppConfig, ConfigError, loadConfig } from '../config';
import { appConfigProvider, loadConfiguration } from './configuration';
import { APP_CONFIG } from './tokens';

@Injectable()
class ReadsConfig {
  constructor(@Inject(APP_CONFIG) readonly config: AppConfig) {}
}

/** A provider injecting APP_CONFIG, in a module importing the configuration's ConfigModule. */
const resolve = async (given?: AppConfig) => {
  const { config, module } = await loadConfiguration(given);
  @Module({ imports: [module], providers: [appConfigProvider, ReadsConfig] })
  class Root {}
  const app = await Test.createTestingModule({ imports: [Root] }).compile();
  return { config, injected: app.get(ReadsConfig).config, service: app.get(ConfigService) };
};

describe('configuration through @nestjs/config', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  it('validates the process environment with the schema; APP_CONFIG comes from ConfigService', async () => {
    process.env.PORT = '4321';
    process.env.CRM_RUN_PROJECTIONS = '0';
    const { config, injected } = await resolve();
    expect(injected).toBe(config);
    expect(injected).toBeInstanceOf(AppConfig);
    expect(injected).toMatchObject({ PORT: 4321, CRM_RUN_PROJECTIONS: false });
  });

  it('refuses a bad variable with the schema’s one line, before any provider runs', async () => {
    process.env.CRM_RUN_PROCESSES = 'yes';
    const failure = await loadConfiguration().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).message).toBe(
      'CRM_RUN_PROCESSES="yes": must be true, false, 1 or 0',
    );
  });

  it('writes no defaults back into process.env', async () => {
    delete process.env.CRM_DATA_DIR;
    await resolve();
    expect(process.env.CRM_DATA_DIR).toBeUndefined();
  });

  it('a configuration handed in is served as it is, the environment not read', async () => {
    process.env.PORT = 'not a port';
    const given = loadConfig({ PORT: '5555' });
    const { injected } = await resolve(given);
    expect(injected).toBe(given);
  });
});
