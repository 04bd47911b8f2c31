/**
 * The permission of every route that is not a command (commands take theirs from the command
 * catalogue), keyed by method and route template as the router names it. A route in neither
 * place is refused to everyone: the generated access test fails on it.
 */
export const PUBLIC = 'public';

export const READ_PERMISSIONS: Record<string, string> = {
  'GET /health/live': PUBLIC,
  'GET /health/ready': PUBLIC,
  'GET /metrics': PUBLIC,
  'GET /health': 'system:read',
  'GET /projections': 'system:read',
  'GET /audit/:kind/:id': 'audit:read',
  'POST /api-keys': 'api-key:manage',
  'GET /api-keys': 'api-key:manage',
  'DELETE /api-keys/:id': 'api-key:manage',
  'GET /accounts': 'account:read',
  'GET /accounts/:id': 'account:read',
  'GET /accounts/:id/360': 'account:read',
  'GET /accounts/:id/timeline': 'account:read',
  'GET /contacts': 'contact:read',
  'GET /contacts/:id': 'contact:read',
  'GET /contacts/:id/360': 'contact:read',
  'GET /contacts/:id/timeline': 'contact:read',
  'GET /deals/:id': 'deal:read',
  'GET /deals/:id/timeline': 'deal:read',
  'GET /pipelines/:id': 'pipeline:read',
  'GET /pipelines/:id/board': 'deal:read',
  'GET /tasks': 'task:read',
  'GET /tasks/:id': 'task:read',
  'GET /leads/:id': 'lead:read',
  'GET /tickets/:id': 'ticket:read',
  'GET /campaigns/:id': 'campaign:read',
  'GET /interactions/:id': 'interaction:read',
  'GET /quotes/:id': 'quote:read',
  'GET /reports/lead-funnel': 'report:read',
  'GET /reports/win-rate': 'report:read',
  'GET /reports/sales-cycle': 'report:read',
  'GET /reports/stage-conversion': 'report:read',
  'GET /reports/revenue-by-month': 'report:read',
  'GET /reports/forecast': 'report:read',
  'GET /reports/tickets': 'report:read',
  'GET /reports/campaigns': 'report:read',
};
