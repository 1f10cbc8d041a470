// pm2 ships its axon sockets without types; client.ts says which parts it uses (AxonModule, RpcModule).
declare module 'pm2/modules/pm2-axon/index.js' {
  const axon: unknown;
  export default axon;
}
declare module 'pm2/modules/pm2-axon-rpc/index.js' {
  const rpc: unknown;
  export default rpc;
}
