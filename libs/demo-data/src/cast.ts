/** The tenant's users: who sends the demo commands (every event records its actor). */
export const SALES_REPS = [
  'alice.martin',
  'bruno.silva',
  'chen.wei',
  'dana.kowalski',
  'emeka.obi',
] as const;
export const SUPPORT_AGENTS = ['fatima.haddad', 'gustav.berg', 'hana.sato', 'ivan.petrov'] as const;
export const MARKETERS = ['julia.moreau', 'kenji.tanaka'] as const;
export const ADMIN = 'admin';
