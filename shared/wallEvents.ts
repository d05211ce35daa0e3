/** What the wall screen's socket hears: never figures or orders, only "refetch" and "this link is gone". */
export interface WallServerEvents {
  changed: () => void;
  revoked: () => void;
}

export const WALL_NAMESPACE = '/wall';

/** The refusal a wall socket gets for an unknown or revoked link; anything else is worth a retry. */
export const WALL_LINK_GONE = 'wall_link_gone';
