import type { ChecklistDTO } from '../../shared/checklist.ts';
import type { SignupInput } from '../../shared/schemas/signup.ts';
import type { UserDTO } from '../../shared/types.ts';
import { request } from './http.ts';

/** Sign-up and the first steps after it. */
export const onboardingApi = {
  signup: (body: SignupInput) => request<{ user: UserDTO }>('POST', '/api/signup', body),
  checklist: () => request<{ checklist: ChecklistDTO }>('GET', '/api/onboarding'),
  hideChecklist: () => request<void>('POST', '/api/onboarding/hide'),
};
