import { DomainError } from '../../../db/core/errors.ts';
import { findWallTenant } from '../../../db/staff/wallTokens.ts';
import { wallToken } from '../../../shared/schemas/manager.ts';
import { createRouter } from '../../router.ts';
import { wallSnapshot } from '../../../db/reports/wall.ts';

/**
 * The wall screen's figures: no login, the link's token is the key; a revoked or unknown one is a 404.
 * Its socket (server/realtime/walls.ts) only says when to fetch them again.
 */
export const wallRoutes = createRouter('/api/wall');

wallRoutes.get('/:token', async (ctx) => {
  const parsed = wallToken.safeParse(ctx.params.token);
  const found = parsed.success ? await findWallTenant(ctx.state.deps.db, parsed.data) : null;
  if (!found) throw new DomainError('not_found', 'wall.gone');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await wallSnapshot(ctx.state.deps.db, found.tenantId);
});
