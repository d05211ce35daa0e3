import type { BonusKind } from '../../shared/customers.ts';
import type { MessageKey } from '../i18n/index.ts';

/** A ledger entry's kind in words: «Приветственные», «Кешбэк», «Списание»… */
export const bonusKindLabel: Record<BonusKind, MessageKey> = {
  welcome: 'bonus.kind.welcome',
  cashback: 'bonus.kind.cashback',
  spend: 'bonus.kind.spend',
  refund: 'bonus.kind.refund',
  reversal: 'bonus.kind.reversal',
  expiry: 'bonus.kind.expiry',
  correction: 'bonus.kind.correction',
};
