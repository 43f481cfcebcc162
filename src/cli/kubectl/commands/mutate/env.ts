// How the builder reaches the cluster from a command: the factory's memoised discovery and client.
import type { Ctx } from '../../context.js';
import type { BuilderEnv } from './builder-types.js';

export function builderEnv(ctx: Ctx): BuilderEnv {
  return {
    io: ctx.io,
    mapper: (attempts) => ctx.factory.mapper(attempts),
    client: () => ctx.factory.client(),
  };
}
