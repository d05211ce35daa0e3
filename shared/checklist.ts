// The first steps a signed-up company is shown on its board, in the order it is worth taking them.
export const CHECKLIST_STEPS = ['cities', 'kinds', 'prices', 'managers', 'bot', 'testOrder'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export interface ChecklistDTO {
  /** The owner put it away before finishing. */
  hidden: boolean;
  steps: { id: ChecklistStep; done: boolean }[];
  /** This deployment runs the sandbox, so the test order is run there; elsewhere in the company's own bot. */
  sandbox: boolean;
}
