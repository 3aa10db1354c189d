// Types for Comlink's Node adapter, which ships its declarations beside a .mjs file TypeScript does not pair with it.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import nodeEndpoint from 'comlink/dist/esm/node-adapter';
  export default nodeEndpoint;
}
