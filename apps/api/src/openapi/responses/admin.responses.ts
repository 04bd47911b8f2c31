import { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import {
  arrayOf,
  bool,
  dateTime,
  int,
  nullable,
  object,
  position,
  ref,
  str,
} from './schema-builders';

/** The answers of the audit trail, API key administration and the operating endpoints. */

export const AUDIT_TRAIL: SchemaObject = object(
  {
    kind: str(),
    id: str(),
    chain: object(
      {
        verified: bool(),
        eventsChecked: int(),
        eventsFromBeforeTheChain: int(),
        brokenLink: nullable(
          object({ revision: int(), eventId: str(), expected: str(), found: str() }, [
            'revision',
            'eventId',
          ]),
        ),
      },
      ['verified', 'eventsChecked', 'eventsFromBeforeTheChain', 'brokenLink'],
    ),
    events: arrayOf(
      object(
        {
          eventId: str(),
          type: str(),
          storedType: str('the type as stored, with its version: DealOpened.v1'),
          revision: int(),
          position: position(),
          recordedAt: dateTime(),
          data: object({}, [], 'the event data; personal data fields masked without pii:read'),
          metadata: object(
            {
              tenantId: str(),
              actorId: str(),
              commandId: str(),
              commandType: str(),
              $correlationId: str(),
              $causationId: str(),
              recordedAt: dateTime(),
            },
            ['tenantId', 'actorId'],
          ),
          hash: nullable(str()),
          chainVerified: nullable(bool()),
        },
        ['eventId', 'type', 'storedType', 'revision', 'position', 'recordedAt', 'data', 'metadata'],
      ),
    ),
    nextFromRevision: nullable(int('pass as fromRevision for the next page; null on the last')),
  },
  ['kind', 'id', 'chain', 'events', 'nextFromRevision'],
);

export const API_KEY_VIEW: SchemaObject = object(
  {
    keyId: str(),
    tenantId: str(),
    subject: str(),
    roles: arrayOf(str()),
    name: nullable(str()),
    createdAt: dateTime(),
    expiresAt: nullable(dateTime()),
    revokedAt: nullable(dateTime()),
  },
  ['keyId', 'tenantId', 'subject', 'roles', 'name', 'createdAt', 'expiresAt', 'revokedAt'],
);

export const CREATED_API_KEY: SchemaObject = {
  allOf: [
    ref('ApiKeyView'),
    object({ secret: str('crm_...: shown only in this answer') }, ['secret']),
  ],
};

export const API_KEY_LIST: SchemaObject = object({ keys: arrayOf(ref('ApiKeyView')) }, ['keys']);

const component = object({ status: str() }, ['status']);

export const HEALTH_SUMMARY: SchemaObject = object(
  {
    status: str(),
    eventStore: object({ status: str(), headPosition: position() }, ['status']),
    readModels: object({ status: str(), source: str(), position: position(), lag: position() }, [
      'status',
    ]),
  },
  ['status'],
);

export const PROJECTIONS_STATUS: SchemaObject = object(
  {
    headPosition: position(),
    source: str(),
    position: nullable(position()),
    parked: int(),
    health: component,
    projections: arrayOf(
      object(
        {
          name: str(),
          version: int(),
          collection: str(),
          checkpoint: nullable(position()),
          rebuilding: bool(),
        },
        ['name', 'version', 'collection'],
      ),
    ),
  },
  ['headPosition', 'projections'],
);
