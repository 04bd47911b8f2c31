import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { esdbConnectionStringProblem } from './esdb-connection-string';
import { mongoUriProblem } from './mongodb-uri';

/**
 * class-validator constraints for connection strings; an absent value is left to `@IsDefined`,
 * so a missing setting gets one message, not two.
 */
const connectionStringConstraint = (
  described: string,
  problemOf: (value: string) => string | undefined,
) => {
  const problem = (value: unknown): string | undefined =>
    typeof value === 'string' ? problemOf(value) : 'must be a string';

  return class implements ValidatorConstraintInterface {
    validate(value: unknown): boolean {
      return value === undefined || problem(value) === undefined;
    }

    defaultMessage(args: ValidationArguments): string {
      // The property is named by loadConfig in front of the value.
      return `must be ${described}: ${problem(args.value)}`;
    }
  };
};

@ValidatorConstraint({ name: 'esdbConnectionString' })
export class EsdbConnectionString extends connectionStringConstraint(
  'an EventStoreDB connection string (esdb://host:2113?tls=false)',
  esdbConnectionStringProblem,
) {}

@ValidatorConstraint({ name: 'mongoUri' })
export class MongoUri extends connectionStringConstraint(
  'a MongoDB connection string (mongodb://host:27017/?replicaSet=rs0)',
  mongoUriProblem,
) {}
