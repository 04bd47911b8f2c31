import { DynamicModule, Provider } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_CONFIG } from './tokens';
import { AppConfig, loadConfig } from '../config/app-config';

/** The key the validated configuration is kept under in ConfigService. */
const CONFIG_KEY = 'crm';

/** The validated configuration, and the ConfigModule that serves it to the providers. */
export type Configuration = { config: AppConfig; module: DynamicModule };

/**
 * Configuration through @nestjs/config: ConfigModule.forRoot runs the one schema (loadConfig) as
 * its `validate`, so a refused variable rejects here with a ConfigError naming each one. The
 * validated AppConfig is kept whole under one key: nothing is written back into process.env.
 * Handed a configuration already validated (tests, the CLI with its overrides), the process
 * environment is not read at all. No .env file is read: the environment is the configuration.
 */
export const loadConfiguration = async (given?: AppConfig): Promise<Configuration> => {
  let config = given;
  const module = await ConfigModule.forRoot({
    ignoreEnvFile: true,
    skipProcessEnv: true,
    validatePredefined: given === undefined,
    validate: (env) => ({ [CONFIG_KEY]: (config ??= loadConfig(env)) }),
  });
  if (config === undefined) throw new Error('ConfigModule did not run the validation');
  return { config, module };
};

/** APP_CONFIG, as every provider injects it: the validated configuration from ConfigService. */
export const appConfigProvider: Provider = {
  provide: APP_CONFIG,
  inject: [ConfigService],
  useFactory: (config: ConfigService): AppConfig => config.getOrThrow<AppConfig>(CONFIG_KEY),
};
