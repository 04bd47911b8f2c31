// @casl/ability declares its types through package "exports", which this project's
// `moduleResolution: node` does not read; point the module name at them.
declare module '@casl/ability' {
  export * from '@casl/ability/dist/types/index';
}
declare module '@casl/ability/extra' {
  export * from '@casl/ability/dist/types/extra/index';
}
