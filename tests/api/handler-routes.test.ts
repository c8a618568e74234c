import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { paths } from '@/api/paths';
import { handlersForPaths } from '@/backend/handlers/handler-routes';

const answer = () => undefined;
const guard = http.all(() => false, answer);
const faults = http.all('/api/v1/*', answer);
const ticket = http.get(paths.ticket.pattern, answer);
const ticketsExport = http.get(paths.ticketsExport.pattern, answer);
const session = http.get(paths.session.pattern, answer);
const logout = http.delete(paths.session.pattern, answer);
const handlers = [guard, faults, ticket, ticketsExport, session, logout];

describe('the handlers offered a request (ADR 0027)', () => {
  const handlersFor = handlersForPaths(handlers);

  it('are those of its route, with the ones of no route, in their order', () => {
    expect(handlersFor(paths.session.href)).toEqual([guard, faults, session, logout]);
    expect(handlersFor('/api/v1/tickets/t_1')).toEqual([guard, faults, ticket]);
  });

  it('include every route a path fits, so the first declared still answers', () => {
    expect(handlersFor(paths.ticketsExport.href)).toEqual([guard, faults, ticket, ticketsExport]);
  });

  it('are all of them for a path of no known route', () => {
    expect(handlersFor('/api/v1/nothing/here')).toEqual(handlers);
    expect(handlersFor('/API/V1/SESSION')).toEqual(handlers);
  });
});
