import { checkSchedule } from '../../src/domain/scheduling/check.ts';
import { greedy } from '../../src/domain/scheduling/greedy.ts';
import { buildModel } from '../../src/domain/scheduling/model.ts';
import type { Problem } from '../../src/domain/scheduling/types.ts';

/** The first-come-first-served baseline's weight, meetings and breaks, checked like ours. */
export function greedyFigures(problem: Problem): {
  weight: number;
  meetings: number;
  breaks: number;
  valid: boolean;
} {
  const md = buildModel(problem);
  const st = greedy(md);
  const assignments = [];
  const perSlot = new Array(md.S).fill(0);
  for (let m = 0; m < md.M; m++) {
    const s = st.slotOf[m];
    if (s < 0) continue;
    perSlot[s]++;
    const a: { meeting: string; slot: string; table: number; interpreter?: string } = {
      meeting: md.mIds[m],
      slot: md.slotIds[s],
      table: perSlot[s],
    };
    if (st.interpOf[m] >= 0) a.interpreter = md.iIds[st.interpOf[m]];
    assignments.push(a);
  }
  const check = checkSchedule(problem, { assignments });
  return { ...check.objective, valid: check.violations.length === 0 };
}

/** Peak resident memory of this process so far, in MiB. */
export const mib = (): number => Math.round(process.resourceUsage().maxRSS / 1024);
