import type { MockServer } from '../server';
import type { SessionJar } from './session-jar';

/** What every resource's handlers are made from. */
export interface HandlerDeps {
  server: MockServer;
  jar: SessionJar;
}
