/** A shipment's pace in words, from its ETA answer's journey-factor posterior (shipments/pace.ts in the core). */
import { fmtPercent, t } from './i18n.ts';

/** The pace the steps done tell (the journey factor's posterior median), within 2 % read as on plan. */
export function paceText(factor: number): string {
  if (factor > 1.02) return t('sh.paceSlow', { p: fmtPercent(factor - 1) });
  if (factor < 0.98) return t('sh.paceFast', { p: fmtPercent(1 - factor) });
  return t('sh.paceOnPlan');
}
