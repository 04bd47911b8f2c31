/**
 * Paths answered without a credential: liveness probes, and the API's own documentation. Metrics
 * on the API's port need a credential (they name routes, commands and projections); on
 * CRM_METRICS_PORT, an internal listener, they are open to the scraper.
 */
const ALWAYS_PUBLIC = ['/health/live', '/health/ready'];
const DOCS = ['/openapi.json', '/docs'];

const pathOf = (url: string): string => {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
};

export const isPublicPath = (url: string, docsPublic: boolean): boolean => {
  const path = pathOf(url);
  if (ALWAYS_PUBLIC.includes(path)) return true;
  if (!docsPublic) return false;
  return path === '/openapi.json' || path === '/docs' || path.startsWith('/docs/');
};

export const DOCS_PATHS = DOCS;
