import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { completeDocument } from './openapi/complete-document';

/** OpenAPI document at /openapi.json and Swagger UI at /docs. */
export const setUpOpenApi = (app: INestApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('Event-sourced CRM')
    .setDescription(
      'Commands append immutable events; every answer carries the record revision (ETag) and the global position written.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'an API key (crm_...) or a JWT from the configured identity provider',
    })
    .addSecurityRequirements('bearer')
    .build();
  const document = completeDocument(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
};
