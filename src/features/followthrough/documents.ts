import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { serveFile } from '../../platform/storage/serve.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { receiveUpload, saveUpload } from '../../platform/storage/upload.ts';
import type { User } from '../accounts/schemas.ts';
import { actorOf, recordChange } from '../audit/service.ts';
import { assertCanEditProject } from './access.ts';
import { loadProject } from './model.ts';
import { MAX_EVIDENCE, newId } from './projects.ts';
import { ftRepo } from './repository.ts';

/** Documents (PDF) and photos as evidence of a milestone, kept by platform/storage. */
type Q = Kysely<Database>;

export const EVIDENCE_FILE = 'ft_evidence';

export async function addEvidenceFile(
  db: Q,
  {
    milestoneId,
    request,
    user,
    store,
    clock,
  }: { milestoneId: string; request: Request; user: User; store: FileStore; clock: Clock },
) {
  const row = await ftRepo.milestone(db, milestoneId);
  if (!row) throw new AppError('not_found', `milestone ${milestoneId} does not exist`);
  const project = await loadProject(db, row.project_id);
  // Authorised before a byte of the body is read.
  assertCanEditProject(user, project);
  const before = project.milestones.find((m) => m.id === milestoneId)!;
  if (before.evidence.length >= MAX_EVIDENCE)
    throw new AppError('conflict', `a milestone holds at most ${MAX_EVIDENCE} pieces of evidence`);
  const upload = await receiveUpload(request, { store, accept: ['pdf', 'image'] });
  const { result } = await saveUpload(
    db,
    { store, clock },
    upload,
    { ownerKind: EVIDENCE_FILE, ownerId: milestoneId, createdBy: user.id },
    async (tx, file) => {
      await tx
        .insertInto('ft_evidence')
        .values({
          id: newId('ev'),
          milestone_id: milestoneId,
          url: null,
          file_id: file.id,
          title: JSON.stringify(upload.originalName ? { en: upload.originalName } : {}),
          created_by: user.id,
          created_at: clock.now().toISOString(),
        })
        .execute();
      const after = (await loadProject(tx, row.project_id)).milestones.find((m) => m.id === milestoneId)!;
      await recordChange(tx, {
        scopes: ['followthrough'],
        audit: {
          actor: actorOf(user),
          action: 'update',
          entityType: 'milestone',
          entityId: milestoneId,
          before,
          after,
        },
      });
      return after;
    },
  );
  return result!;
}

/** Evidence is published with its milestone: anyone reads it (the file is a download, sandboxed). */
export const serveEvidenceFile = (db: Q, store: FileStore, id: string) =>
  serveFile(db, store, { id, ownerKind: EVIDENCE_FILE, authorize: () => true });
