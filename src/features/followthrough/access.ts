import type { Side } from '../../domain/progress/rule.ts';
import { assertCan } from '../accounts/policy.ts';
import type { User } from '../accounts/schemas.ts';
import type { CycleView, ProjectView } from './model.ts';

/** The policy's checks of follow-through's writes (accounts/policy.ts has the rules). */

export const projectRef = (p: Pick<ProjectView, 'keys'>) => ({
  type: 'project' as const,
  partyKeys: [...p.keys.vn, ...p.keys.jp],
});

export const sideRef = (p: Pick<ProjectView, 'keys'>, side: Side) => ({
  type: 'projectSide' as const,
  side,
  partyKeys: p.keys[side],
});

export const assertCanEditProject = (user: User, p: ProjectView) =>
  assertCan(user, 'update', projectRef(p), `project ${p.id}, none of whose parties is in your scope`);

export const assertCanReport = (user: User, p: ProjectView, side: Side) =>
  assertCan(user, 'update', sideRef(p, side), `the ${side.toUpperCase()} side of project ${p.id}`);

export const assertCanEditCycle = (user: User, c: Pick<CycleView, 'id' | 'forumId'>) =>
  assertCan(user, 'update', { type: 'cycle', forumId: c.forumId }, `cycle ${c.id}`);
