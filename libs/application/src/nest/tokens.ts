/** Injection tokens for the ports, so adapters are chosen by configuration in one place. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const APP_CONFIG = Symbol('APP_CONFIG');
export const EVENT_SERIALIZER = Symbol('EVENT_SERIALIZER');
export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');
export const READ_SIDE_PROGRESS = Symbol('READ_SIDE_PROGRESS');
/** Counts the open deals in a pipeline stage: the preparer of RemovePipelineStage needs it. */
export const OPEN_DEALS_IN_STAGE = Symbol('OPEN_DEALS_IN_STAGE');
/** The time as the application reads it (`() => Date`): tests hand in one they move on. */
export const CLOCK = Symbol('CLOCK');
